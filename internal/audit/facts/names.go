package facts

import "strings"

// SubnetKey normalises a subnet's name so that the forms one package uses
// for one subnet meet: "Gateway Subnet", "GatewaySubnet" and "gateway" are
// one; "snet-appgw" is appgw.
func SubnetKey(s string) string {
	s = strings.ToLower(stripDecor(s))
	s = strings.NewReplacer(" ", "", "-", "", "_", "").Replace(s)
	s = strings.TrimPrefix(s, "snet")
	if s != "subnet" {
		s = strings.TrimSuffix(s, "subnet")
	}
	return s
}
