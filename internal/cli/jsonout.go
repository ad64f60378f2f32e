package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// writeJSON writes v as indented JSON and a newline, or nothing and an
// error: a script reading the output must never take a blank line (what
// an ignored encoding error printed) for a result.
func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		var unsupported *json.UnsupportedValueError
		if errors.As(err, &unsupported) {
			return fmt.Errorf("cannot write the result as JSON: a figure is %s, which JSON cannot hold; an out-of-range value in the spec (or a bug in physarch) led to it", unsupported.Str)
		}
		return fmt.Errorf("cannot write the result as JSON: %w", err)
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}
