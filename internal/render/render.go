// Package render holds what every renderer shares: the generated file type.
// Each output format lives in its own package below this one and reads only
// the plan.
package render

// File is one generated file, by its path relative to the output directory.
type File struct {
	Path string
	Data []byte
}

// PackageDir is where the physical architecture package lives.
const PackageDir = "design/backend/physical"
