package k8s_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render/k8s"

	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render/yamlout"
	"github.com/physarch/physarch/internal/testplan"
)

// TestManifestsReadBackExactly re-emits every generated manifest from what
// yaml.v3 reads out of it: byte-identical output means the emitter and a
// real YAML parser agree on every value the manifests hold.
func TestManifestsReadBackExactly(t *testing.T) {
	for _, name := range examples.Names() {
		files, err := k8s.Render(testplan.Example(t, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if !strings.HasSuffix(f.Path, ".yaml") || strings.HasSuffix(f.Path, "kustomization.yaml") {
				continue
			}
			body := f.Data[bytes.IndexByte(f.Data, '\n')+1:] // the header comment
			var buf bytes.Buffer
			dec := yaml.NewDecoder(bytes.NewReader(body))
			for i := 0; ; i++ {
				var v any
				err := dec.Decode(&v)
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("%s: yaml.v3 cannot read it: %v", f.Path, err)
				}
				if i > 0 {
					buf.WriteString("---\n")
				}
				yamlout.Emit(&buf, v)
			}
			if !bytes.Equal(buf.Bytes(), body) {
				t.Errorf("%s: re-emitting what yaml.v3 read gives different YAML", f.Path)
			}
		}
	}
}
