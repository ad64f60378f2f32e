package diff

// Internals the external tests use.
var Findings = findings
