// Package msg is the message catalogue of the documents: the words, units,
// numbers and enum values that recur across the docs renderer and the
// blocks' doc facets, each with its Korean and its English text, so that
// one concept is written one way in each language (see glossary.go for the
// terms a Korean document must use).
package msg

// T is what picks a language: *md.Doc and the diagram writers have it.
type T interface {
	T(ko, en string) string
}

// Func is a language picker held as a function (a diagram view's T).
type Func func(ko, en string) string

// T implements T.
func (f Func) T(ko, en string) string { return f(ko, en) }
