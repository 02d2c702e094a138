package report

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// sarifSchemaPath is the official OASIS SARIF 2.1.0 schema (errata 01).
const sarifSchemaPath = "testdata/sarif-schema-2.1.0.json"

// CompileSARIFSchema compiles the official schema with format assertions
// on (uri, date-time ...), so a malformed URI fails too.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSARIFValidatesAgainstOfficialSchema(t *testing.T) {
	t.Parallel()
	schema := compileSARIFSchema(t)
	empty := &Report{Tool: Tool{Name: "xiaoer"}, Summary: scanner.NewSummary()}
	for name, r := range map[string]*Report{"sample": sampleReport(), "empty": empty} {
		out := render(t, "sarif", r)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF does not validate: %v\n%s", name, err, out)
		}
	}
}

// TestSchemaCatchesInvalidSARIF makes sure the validation above can fail.
func TestSchemaCatchesInvalidSARIF(t *testing.T) {
	t.Parallel()
	schema := compileSARIFSchema(t)
	bad := `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(bad)))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(inst) == nil {
		t.Error("a result with level \"fatal\" validated")
	}
}

func TestSARIFResults(t *testing.T) {
	t.Parallel()
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", sampleReport()), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 4 {
		t.Fatalf("%d results, want 4 (one per finding, suppressed included)", len(run.Results))
	}
	first := run.Results[0]
	loc := first.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "listings/%E7%BA%AF%E6%A3%89T%E6%81%A4.yaml" {
		t.Errorf("uri = %s, want the relative path percent-encoded", loc.ArtifactLocation.URI)
	}
	if loc.Region == nil || loc.Region.StartLine != 3 || loc.Region.StartColumn != 8 || loc.Region.EndColumn != 11 {
		t.Errorf("region = %+v, want line 3 columns 8-11 (国家级)", loc.Region)
	}
	if first.PartialFingerprints[fingerprintKey] != "1a2b3c4d5e6f70819203" {
		t.Errorf("partialFingerprints = %v", first.PartialFingerprints)
	}
	if first.RuleIndex == nil || run.Tool.Driver.Rules[*first.RuleIndex].ID != "ad-absolute" {
		t.Errorf("ruleIndex does not point at ad-absolute")
	}
	sup := run.Results[1].Suppressions
	if len(sup) != 1 || sup[0].Kind != "inSource" || sup[0].Justification == "" {
		t.Errorf("listing suppression = %+v, want inSource with its reason", sup)
	}
	if run.Results[3].Locations[0].PhysicalLocation.Region != nil {
		t.Error("a finding without a line got a region")
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 1 {
		t.Errorf("invocation = %+v, want unsuccessful with one notification for the unreadable input", inv)
	}
	for _, rule := range run.Tool.Driver.Rules {
		if rule.Help.Text == "" || rule.DefaultConfiguration.Level == "" {
			t.Errorf("rule %s lacks help text or default level", rule.ID)
		}
	}
}
