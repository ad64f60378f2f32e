package check

// SarifLog is the SARIF log type, for the external tests.
type SarifLog = sarifLog

// SarifURI is sarifURI, for the external tests.
var SarifURI = sarifURI
