package azure

// Note is a catalog note that reaches the documents, in English (reports,
// the CLI, the English documents) and in Korean (the Korean documents):
// both are written in one place, so that a note has one source.
type Note struct {
	En, Ko string
}
