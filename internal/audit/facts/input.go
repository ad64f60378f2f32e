package facts

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/physarch/physarch/internal/read"
	"github.com/physarch/physarch/internal/read/markdown"
	"github.com/physarch/physarch/internal/read/mermaid"
	"github.com/physarch/physarch/internal/read/plantuml"
)

// Format is a file's notation.
type Format string

// The notations a package arrives in.
const (
	Markdown Format = "markdown"
	Mermaid  Format = "mermaid"
	PlantUML Format = "plantuml"
)

// Role is what a file is in the package.
type Role string

// Roles: the master index compares environments; the others are one
// environment's document or diagram.
const (
	Master  Role = "master"
	EnvDoc  Role = "document"
	Diagram Role = "diagram"
)

// File is one read file.
type File struct {
	Name   string `json:"name"`
	Format Format `json:"format"`
	Role   Role   `json:"role"`
	Env    string `json:"env,omitempty"`
	Title  string `json:"title,omitempty"`

	MD   *markdown.Doc     `json:"-"`
	MMD  *mermaid.Diagram  `json:"-"`
	PUML *plantuml.Diagram `json:"-"`
}

// Lines returns the file's lines.
func (f *File) Lines() []string {
	switch {
	case f.MD != nil:
		return f.MD.Lines
	case f.MMD != nil:
		return f.MMD.Lines
	case f.PUML != nil:
		return f.PUML.Lines
	}
	return nil
}

// Skipped is what the file's reader skipped.
func (f *File) Skipped() []read.Skip {
	switch {
	case f.MD != nil:
		return f.MD.Skipped
	case f.MMD != nil:
		return f.MMD.Skipped
	case f.PUML != nil:
		return f.PUML.Skipped
	}
	return nil
}

// Input is a file to read.
type Input struct {
	Name string
	Data []byte
}

var mermaidHeader = regexp.MustCompile(`(?m)^\s*(graph|flowchart)(\s+(TB|TD|BT|RL|LR))?\s*;?\s*$`)

// Sniff decides a file's notation: by extension, else by content (seeds
// copied from a web page are .txt).
func Sniff(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return Markdown
	case ".mmd", ".mermaid":
		return Mermaid
	case ".puml", ".plantuml", ".pu", ".iuml":
		return PlantUML
	}
	s := string(data)
	if strings.Contains(s, "@startuml") {
		return PlantUML
	}
	if loc := mermaidHeader.FindStringIndex(s); loc != nil && !strings.Contains(s[:loc[0]], "```") {
		return Mermaid
	}
	return Markdown
}

// Read reads one file.
func Read(in Input) *File {
	in.Data = read.Normalize(in.Data)
	f := &File{Name: in.Name, Format: Sniff(in.Name, in.Data)}
	switch f.Format {
	case Mermaid:
		f.MMD = mermaid.Parse(in.Name, in.Data)
		f.Role = Diagram
	case PlantUML:
		f.PUML = plantuml.Parse(in.Name, in.Data)
		f.Role = Diagram
	default:
		f.MD = markdown.Parse(in.Name, in.Data)
		f.Role = EnvDoc
		f.Title = docTitle(f.MD)
	}
	f.Env = fileEnv(f)
	if f.Format == Markdown && (f.Env == "" || isMaster(f)) {
		f.Role, f.Env = Master, ""
	}
	return f
}

// docTitle is a document's # heading; a page copied from a browser has
// none, and its title is the last line of text before the first numbered
// section.
func docTitle(d *markdown.Doc) string {
	if len(d.Headings) == 0 {
		return ""
	}
	if h := d.Headings[0]; !h.Plain {
		return h.Title
	}
	for i := d.Headings[0].Line - 2; i >= 0; i-- {
		if l := strings.TrimSpace(d.Lines[i]); l != "" && read.Noise(l) == "" {
			return l
		}
	}
	return ""
}

var masterR = regexp.MustCompile(`(?i)마스터|master`)

func isMaster(f *File) bool {
	base := strings.ToLower(filepath.Base(f.Name))
	if base == "physical-architecture.md" {
		return true
	}
	return masterR.MatchString(f.Title)
}

// fileEnv is the environment a file is about: from its name, else from
// its title (documents) or its first comments and labels (diagrams).
func fileEnv(f *File) string {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(f.Name), filepath.Ext(f.Name)))
	for _, part := range strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		if e := envWord(part); e != "" && part != "physical" {
			return e
		}
	}
	var text string
	switch {
	case f.MD != nil:
		text = f.Title
	case f.MMD != nil:
		for i, c := range f.MMD.Comments {
			if i < 3 {
				text += " " + c.Text
			}
		}
		if len(f.MMD.Subgraphs) > 0 {
			for _, s := range f.MMD.Subgraphs[:min(3, len(f.MMD.Subgraphs))] {
				text += " " + s.Label
			}
		}
	case f.PUML != nil:
		if f.PUML.Start > 0 {
			text = f.PUML.Lines[f.PUML.Start-1]
		}
		for _, n := range f.PUML.Notes {
			text += " " + n.Text
		}
	}
	return soleEnv(text)
}
