package generate

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"sigs.k8s.io/yaml"

	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/terraform"
	"github.com/physarch/physarch/internal/testplan"
)

// pending are the claims the documents make that nothing generated
// realises yet, by claim ID, each with why it is still printed. Empty:
// every claim has its artifact (the DR rows point at the backup rows'
// attributes and the recovery steps). A block merged with a claim it
// cannot realise yet lists it here; an entry no judged spec uses any more
// fails the test, so the list cannot outlive its reasons.
var pending = map[string]string{}

// inputRows are rows of settings tables that restate an input of the
// spec rather than a setting, by claim ID, each with why: nothing is
// deployed for them, so they have no artifact, permanently.
var inputRows = map[string]string{
	"azuresql.read-write-mix": "the spec's read share, which prices reads and writes",
	"dr.rto":                  "the spec's recovery-time target, which RS010 checks against the DR mode",
	"dr.rpo":                  "the spec's recovery-point target, which RS010 checks against the DR mode",
	"dr.mode.none":            "the spec's DR mode none: no recovery, so nothing is deployed for it",
}

// inputSections hold tables that restate the spec's inputs and targets or
// the sizing arithmetic (users, stored data, request costs), not
// configuration, so their rows carry no claim.
var inputSections = map[string]bool{
	"Characteristics":       true,
	"Data and request cost": true,
	"Data volume":           true,
	"Capacity sizing":       true,
}

// notYetRegistered are the building blocks' settings tables whose rows do
// not carry claims yet, by heading: their rows are left out of the
// coverage check until the block registers them (an entry no judged spec
// prints fails, like a stale pending claim).
// Empty: every block's tables carry claims. A block merged with a new
// settings table either registers its rows or is listed here, by heading.
var notYetRegistered = map[string]bool{}

// settingsHeads are the headers of the documents' settings tables: every
// row of such a table in an environment document, outside inputSections,
// states configuration and must carry a claim.
var settingsHeads = map[string]bool{
	"Item|Value":        true,
	"Item|Setting":      true,
	"Component|Setting": true,
}

// claimed is one judged spec's generated files and claims in a language.
type claimed struct {
	name   string
	files  map[string][]byte
	claims []claim.Claim
}

func buildClaims(t *testing.T, lang md.Lang) []claimed {
	t.Helper()
	var out []claimed
	for _, n := range testplan.Judged(t) {
		files, claims, err := FilesAndClaims(n.Plan, Options{Lang: lang})
		if err != nil {
			t.Fatalf("%s: %v", n.Name, err)
		}
		out = append(out, claimed{name: n.Name, files: byPath(files), claims: claims})
	}
	return out
}

func byPath(files []render.File) map[string][]byte {
	m := make(map[string][]byte, len(files))
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

// TestEveryClaimHasAnArtifact is the claim registry test: every
// configuration statement the documents of every judged spec make, in
// both languages, is printed where its claim says, resolves to the
// artifact that realises it (with the value it states), and every row of
// a settings table carries a claim.
func TestEveryClaimHasAnArtifact(t *testing.T) {
	used, skipped := map[string]bool{}, map[string]bool{}
	for _, lang := range []md.Lang{md.En, md.Ko} {
		for _, c := range buildClaims(t, lang) {
			if lang == md.En {
				logCounts(t, c)
			}
			for _, p := range checkClaims(c.files, c.claims, used) {
				t.Errorf("%s (%s): %s", c.name, lang, p)
			}
			if lang == md.En {
				for _, p := range unregisteredSkipping(c.files, c.claims, skipped) {
					t.Errorf("%s: %s", c.name, p)
				}
			}
		}
	}
	for h := range notYetRegistered {
		if !skipped[h] {
			t.Errorf("no judged spec prints a settings table under %q: remove it from notYetRegistered", h)
		}
	}
	for id, why := range pending {
		if !used[id] {
			t.Errorf("pending claim %s (%s) is made by no judged spec: remove it from the list", id, why)
		}
	}
}

// logCounts says how many claims a spec's documents make, how many
// artifacts they name, and how many wait for theirs.
func logCounts(t *testing.T, c claimed) {
	locs, waiting := 0, 0
	for _, cl := range c.claims {
		locs += len(cl.At)
		if len(cl.At) == 0 {
			waiting++
		}
	}
	t.Logf("%s: %d claims, %d locators, %d without an artifact (pending or input)", c.name, len(c.claims), locs, waiting)
}

// TestClaimCheckFailsWithoutTheArtifact is the negative test: with the
// resource, manifest or file a claim names taken out of the generated
// files, the check reports that claim.
func TestClaimCheckFailsWithoutTheArtifact(t *testing.T) {
	c := buildClaims(t, md.En)[0]
	var tf, k, f, valued *claim.Claim
	for i := range c.claims {
		cl := &c.claims[i]
		for _, l := range cl.At {
			if l.Kind == claim.Terraform && l.Value != "" && valued == nil && len(cl.At) == 1 {
				valued = cl
			}
			switch {
			case l.Kind == claim.Terraform && tf == nil:
				tf = cl
			case l.Kind == claim.Manifest && k == nil:
				k = cl
			case l.Kind == claim.Script && f == nil:
				f = cl
			}
		}
	}
	for _, cl := range []*claim.Claim{tf, k, f} {
		if cl == nil {
			continue
		}
		l := cl.At[0]
		files := map[string][]byte{}
		for p, d := range c.files {
			files[p] = d
		}
		switch l.Kind {
		case claim.Terraform:
			p := path.Join(terraform.Dir, cl.Env, "main.tf")
			files[p] = dropResource(t, p, files[p], l.Address)
		case claim.Manifest:
			for p, d := range files {
				if strings.HasPrefix(p, k8s.Dir+"/") {
					files[p] = dropObject(d, l.Address)
				}
			}
		case claim.Script:
			delete(files, l.Address)
		}
		probs := checkClaims(files, []claim.Claim{*cl}, map[string]bool{})
		if len(probs) == 0 {
			t.Errorf("%s removed, yet its claim %s passes", l, cl)
		}
	}
	if tf == nil || valued == nil {
		t.Fatal("no claim is realised by a Terraform attribute with a value")
	}
	// A wrong value is reported too.
	bad := *valued
	bad.At = []claim.Locator{valued.At[0].Is("not-this-value")}
	if len(checkClaims(c.files, []claim.Claim{bad}, map[string]bool{})) == 0 {
		t.Errorf("%s with a value the Terraform does not have passes", bad)
	}
	// A claim with no artifact that is not pending is reported.
	orphan := claim.Claim{ID: "test.orphan", Doc: tf.Doc, Env: tf.Env, Section: tf.Section, Text: tf.Text}
	if len(checkClaims(c.files, []claim.Claim{orphan}, map[string]bool{})) == 0 {
		t.Error("a claim with no artifact passes")
	}
	// A settings row whose claim is taken away is reported as unregistered.
	var rest []claim.Claim
	for _, cl := range c.claims {
		if cl.ID != tf.ID {
			rest = append(rest, cl)
		}
	}
	if len(unregistered(c.files, rest)) == 0 {
		t.Errorf("the row of %s passes without its claim", tf)
	}
}

// checkClaims returns the problems of claims against the generated files:
// a statement the document does not print where the claim says, a claim
// with no artifact that is not pending, a locator that does not resolve.
func checkClaims(files map[string][]byte, claims []claim.Claim, used map[string]bool) []string {
	var out []string
	stmts := map[string]map[string]bool{}
	for _, c := range claims {
		st, ok := stmts[c.Doc]
		if !ok {
			st = statements(files[c.Doc])
			stmts[c.Doc] = st
		}
		if !st[c.Section+"\x00"+c.Text] {
			out = append(out, fmt.Sprintf("%s: the document prints no %q under %q", c.ID, c.Text, c.Section))
		}
		if len(c.At) == 0 {
			_, input := inputRows[c.ID]
			if _, ok := pending[c.ID]; !ok && !input {
				out = append(out, fmt.Sprintf("claim without an artifact: %s", c))
			}
			used[c.ID] = true
			continue
		}
		for _, l := range c.At {
			if err := resolve(files, c, l); err != nil {
				out = append(out, fmt.Sprintf("%s: %v", c, err))
			}
		}
	}
	return out
}

// unregistered returns the rows of settings tables in the environment
// documents that carry no claim.
func unregistered(files map[string][]byte, claims []claim.Claim) []string {
	return unregisteredSkipping(files, claims, map[string]bool{})
}

// unregisteredSkipping is unregistered, noting in skipped the
// notYetRegistered headings it passed.
func unregisteredSkipping(files map[string][]byte, claims []claim.Claim, skipped map[string]bool) []string {
	has := map[string]bool{}
	for _, c := range claims {
		has[c.Doc+"\x00"+c.Section+"\x00"+c.Text] = true
	}
	var docs []string
	for p := range files {
		if strings.HasPrefix(p, render.PackageDir+"/physical-architecture-") && strings.HasSuffix(p, ".md") {
			docs = append(docs, p)
		}
	}
	sort.Strings(docs)
	var out []string
	for _, p := range docs {
		for _, tb := range tables(files[p]) {
			if len(tb.head) != 2 || !settingsHeads[tb.head[0]+"|"+tb.head[1]] || inputSections[untitled(tb.heading)] {
				continue
			}
			if notYetRegistered[untitled(tb.heading)] {
				skipped[untitled(tb.heading)] = true
				continue
			}
			for _, r := range tb.rows {
				if !has[p+"\x00"+tb.heading+"\x00"+r[0]] {
					out = append(out, fmt.Sprintf("%s § %q: row %q states configuration with no claim", p, tb.heading, r[0]))
				}
			}
		}
	}
	return out
}

// untitled is a heading without its number ("3.1.1 Cluster settings" →
// "Cluster settings").
func untitled(h string) string {
	if i := strings.IndexByte(h, ' '); i > 0 && strings.Trim(h[:i], "0123456789.") == "" {
		return h[i+1:]
	}
	return h
}

type mdTable struct {
	heading string
	head    []string
	rows    [][]string
}

func tables(src []byte) []mdTable {
	var out []mdTable
	walkDoc(src, func(heading string, n ast.Node) {
		if tb, ok := n.(*east.Table); ok {
			head, rows := tableCells(tb, src)
			out = append(out, mdTable{heading: heading, head: head, rows: rows})
		}
	})
	return out
}

// statements are what a document prints, by heading: the first cell of
// every table row and every list item.
func statements(src []byte) map[string]bool {
	out := map[string]bool{}
	walkDoc(src, func(heading string, n ast.Node) {
		switch n := n.(type) {
		case *east.Table:
			_, rows := tableCells(n, src)
			for _, r := range rows {
				out[heading+"\x00"+r[0]] = true
			}
		case *ast.ListItem:
			out[heading+"\x00"+strings.Join(strings.Fields(plainText(n, src)), " ")] = true
		}
	})
	return out
}

// walkDoc calls f on every table and list item with the heading above it.
func walkDoc(src []byte, f func(heading string, n ast.Node)) {
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	heading := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Heading:
			heading = plainText(n, src)
		case *east.Table, *ast.ListItem:
			f(heading, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// plainText is a node's text with code spans and line breaks as printed.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			b.WriteByte('`')
			for x := c.FirstChild(); x != nil; x = x.NextSibling() {
				if tx, ok := x.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			b.WriteByte('`')
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// dropResource removes one resource block from a Terraform file.
func dropResource(t *testing.T, file string, src []byte, address string) []byte {
	t.Helper()
	f, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	typ, name, _ := strings.Cut(address, ".")
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == typ && b.Labels[1] == name {
			r := b.Range()
			return append(append([]byte(nil), src[:r.Start.Byte]...), src[r.End.Byte:]...)
		}
	}
	t.Fatalf("%s has no resource %s", file, address)
	return nil
}

// dropObject removes every object of a kind and name from a manifest file.
func dropObject(src []byte, address string) []byte {
	kind, name, _ := strings.Cut(address, "/")
	var keep [][]byte
	for _, part := range bytes.Split(src, []byte("\n---\n")) {
		var m map[string]any
		if yaml.Unmarshal(part, &m) == nil && m != nil {
			meta, _ := m["metadata"].(map[string]any)
			if m["kind"] == kind && (name == "*" || meta["name"] == name) {
				continue
			}
		}
		keep = append(keep, part)
	}
	return bytes.Join(keep, []byte("\n---\n"))
}
