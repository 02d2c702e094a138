#!/usr/bin/python3
"""The Python peer of xiaoer-bench: what a seller scripts for himself.

jieba tokens (our lexicon words added to its dictionary) matched against
the word list, BeautifulSoup + lxml for pages and HTML descriptions, and a
multiprocessing pool of -j processes. It reads a title list (.txt, one
title a line), a one-header-row shop export (.csv) or a directory of item
pages (*.html), and writes one JSON line per listing with the words found.

Usage (Debian: python3-jieba, python3-bs4, python3-lxml):

    /usr/bin/python3 peer.py -j 2 --words WORDS.txt [-o OUT] PATH

xiaoer-bench runs it beside xiaoer; it is not part of xiaoer.
"""

import argparse
import csv
import io
import json
import logging
import multiprocessing
import os
import sys

import jieba
from bs4 import BeautifulSoup

WORDS = frozenset()


def load_words(path):
    """The word list: one normalised word a line; each also becomes a jieba
    word, so a lexicon word is cut whole."""
    global WORDS
    with open(path, encoding="utf-8") as f:
        words = [w.strip() for w in f if w.strip()]
    for w in words:
        jieba.add_word(w)
    WORDS = frozenset(words)


def hits(text):
    return [t for t in jieba.cut(text.lower()) if t in WORDS]


def visible_text(html):
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return soup, soup.get_text(" ", strip=True)


def check_title(title):
    return {"title": title, "hits": hits(title)}


def check_row(row):
    title, desc = row
    if "<" in desc:
        _, desc = visible_text(desc)
    return {"title": title, "hits": hits(title) + hits(desc)}


def check_page(path):
    with open(path, "rb") as f:
        soup, text = visible_text(f.read())
    title = soup.title.get_text(strip=True) if soup.title else ""
    return {"source": path, "title": title, "hits": hits(text)}


def decode(raw):
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


def read_titles(path):
    with open(path, "rb") as f:
        text = decode(f.read())
    return [t.strip() for t in text.splitlines() if t.strip()]


def read_export(path):
    with open(path, "rb") as f:
        text = decode(f.read())
    rows = csv.DictReader(io.StringIO(text))
    return [(r.get("宝贝标题", ""), r.get("宝贝描述", "")) for r in rows]


def work(path):
    if os.path.isdir(path):
        pages = sorted(os.path.join(path, n) for n in os.listdir(path) if n.endswith(".html"))
        return check_page, pages
    if path.endswith(".csv"):
        return check_row, read_export(path)
    return check_title, read_titles(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--words", required=True)
    ap.add_argument("-o", default="-")
    ap.add_argument("path")
    args = ap.parse_args()
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    load_words(args.words)  # before the fork: the workers share the dictionary
    fn, items = work(args.path)
    out = sys.stdout if args.o == "-" else open(args.o, "w", encoding="utf-8")
    found = 0
    with multiprocessing.Pool(args.j) as pool:
        for r in pool.imap(fn, items, chunksize=64):
            found += len(r["hits"])
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        pool.close()
        pool.join()
    out.flush()
    print(json.dumps({"listings": len(items), "hits": found}), file=sys.stderr)


if __name__ == "__main__":
    main()
