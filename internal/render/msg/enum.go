package msg

// Bool prints a setting that is on or off: 사용/미사용, enabled/disabled.
func Bool(t T, b bool) string {
	if b {
		return t.T("사용", "enabled")
	}
	return t.T("미사용", "disabled")
}

// Yes prints a capability that is there or not: 예/아니요, yes/no.
func Yes(t T, b bool) string {
	if b {
		return t.T("예", "yes")
	}
	return t.T("아니요", "no")
}

// HA prints a database's high-availability mode as the plan stores it
// (azurerm's names) in words; an unknown mode is printed as it is.
func HA(t T, mode string) string {
	switch mode {
	case "zoneredundant", "ZoneRedundant":
		return t.T("영역 중복 HA", "zone-redundant HA")
	case "samezone", "SameZone":
		return t.T("동일 영역 HA", "same-zone HA")
	case "", "disabled", "none", "Disabled":
		return t.T("미사용", "disabled")
	}
	return mode
}

// Count prints a count where zero means the feature is off (shards,
// replicas): 0 → 미사용/none, otherwise the number.
func Count(t T, n int) string {
	if n == 0 {
		return t.T("미사용", "none")
	}
	return Int(n)
}

// None is the word for "no such thing" in a cell or sentence.
func None(t T) string { return t.T("없음", "none") }

// BoolOf reads back what Bool printed, as Terraform writes the value
// ("true", "false"), so that a test can compare a document with its
// artifact; any other text is returned as it is.
func BoolOf(s string) string {
	switch s {
	case "사용", "enabled":
		return "true"
	case "미사용", "disabled":
		return "false"
	}
	return s
}

// Entity names a messaging entity kind: a queue (큐), whose messages a
// consumer receives, or a topic (토픽), whose messages reach its
// subscriptions (구독).
func Entity(t T, kind string) string {
	switch kind {
	case "queue":
		return t.T("큐", "queue")
	case "topic":
		return t.T("토픽", "topic")
	}
	return kind
}
