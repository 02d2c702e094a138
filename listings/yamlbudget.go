package listings

import (
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"
)

// ErrAliasBudget: a listing file whose aliases expand to far more text than
// the file holds (a "billion laughs" file).
var ErrAliasBudget = errors.New("aliases expand beyond the budget")

// aliasSlack is how much expanded text aliases may add to a file's own
// size; honest files reuse an anchor a few times, not thousands.
const aliasSlack = 16 << 20

// nodeCost is what one node counts against the budget besides its text,
// so that many tiny aliased nodes are bounded too.
const nodeCost = 16

// aliasBudget is what the documents of one file may expand to: the file's
// size plus aliasSlack.
type aliasBudget struct{ total, left int }

func newAliasBudget(fileBytes int) *aliasBudget {
	return &aliasBudget{total: fileBytes + aliasSlack, left: fileBytes + aliasSlack}
}

// check walks root as the parser will, following aliases, and stops with
// ErrAliasBudget once the text it would see exceeds what is left. The walk
// ends as soon as the budget is spent, so it costs at most the budget
// however deep the aliases nest.
func (b *aliasBudget) check(root *yaml.Node) error {
	if !spend(root, &b.left) {
		return fmt.Errorf("line %d: %w of %d MiB of text", root.Line, ErrAliasBudget, b.total>>20)
	}
	return nil
}

func spend(n *yaml.Node, budget *int) bool {
	if n == nil {
		return true
	}
	*budget -= nodeCost + len(n.Value)
	if *budget < 0 {
		return false
	}
	if n.Kind == yaml.AliasNode {
		return spend(n.Alias, budget)
	}
	for _, c := range n.Content {
		if !spend(c, budget) {
			return false
		}
	}
	return true
}
