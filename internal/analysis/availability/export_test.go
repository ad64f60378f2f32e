package availability

// Internals the external tests use.
type Builder = builder
