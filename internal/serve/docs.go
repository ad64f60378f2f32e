package serve

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// markdown renders the generated documents: GitHub's tables, as the
// documents use them. Raw HTML in a document is not passed through
// (goldmark's default), so a spec's text cannot inject markup.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// docHTML renders one document once per build; the cache lives on the
// model, so it goes when the build does.
func (m *model) docHTML(p string) (string, error) {
	if h, ok := m.html.Load(p); ok {
		return h.(string), nil
	}
	for _, f := range m.files {
		if f.Path == p {
			var buf bytes.Buffer
			if err := markdown.Convert(f.Data, &buf); err != nil {
				return "", fmt.Errorf("rendering %s: %w", p, err)
			}
			m.html.Store(p, buf.String())
			return buf.String(), nil
		}
	}
	return "", fmt.Errorf("no generated document %s", p)
}
