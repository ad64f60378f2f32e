package msg

import "testing"

type lang string

func (l lang) T(ko, en string) string {
	if l == "en" {
		return en
	}
	return ko
}

func TestNumbers(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Int(0), "0"}, {Int(999), "999"}, {Int(1000), "1,000"}, {Int(10000), "10,000"}, {Int(-1234567), "-1,234,567"},
		{Num(1233.34), "1,233.34"}, {Num(0.5), "0.5"}, {Num(99.995), "99.995"},
		{USD(3783.32), "$3,783.32"}, {USD(0.3), "$0.30"}, {USD(-1234.5), "-$1,234.50"}, {USD(1e6), "$1,000,000.00"},
		{USDRange(1, 1), "$1.00"}, {USDRange(1077.48, 3771.18), "$1,077.48–$3,771.18"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestDuration(t *testing.T) {
	for _, c := range []struct{ in, ko, en string }{
		{"30m", "30분", "30 min"}, {"1h", "1시간", "1 hour"}, {"12h", "12시간", "12 hours"}, {"14d", "14일", "14 days"},
		{"10s", "10초", "10 s"}, {"1h30m", "1시간 30분", "1 hour 30 min"}, {"1d", "1일", "1 day"},
		{"soon", "soon", "soon"}, {"", "", ""}, {"5", "5", "5"}, {"5x", "5x", "5x"}, {"m", "m", "m"},
	} {
		if got := Duration(lang("ko"), c.in); got != c.ko {
			t.Errorf("ko %q: got %q, want %q", c.in, got, c.ko)
		}
		if got := Duration(lang("en"), c.in); got != c.en {
			t.Errorf("en %q: got %q, want %q", c.in, got, c.en)
		}
	}
}

func TestEnums(t *testing.T) {
	ko, en := lang("ko"), lang("en")
	for _, c := range []struct{ got, want string }{
		{HA(ko, "zoneredundant"), "영역 중복 HA"}, {HA(en, "zoneredundant"), "zone-redundant HA"},
		{HA(ko, "samezone"), "동일 영역 HA"}, {HA(ko, ""), "미사용"},
		{Bool(ko, true), "사용"}, {Bool(ko, false), "미사용"}, {Bool(en, true), "enabled"}, {Bool(en, false), "disabled"},
		{Count(ko, 0), "미사용"}, {Count(en, 0), "none"}, {Count(ko, 3), "3"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
