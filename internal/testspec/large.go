// Package testspec generates specs for tests and benchmarks.
package testspec

import (
	"fmt"
	"strings"
)

// Large generates a valid spec with n services in call chains of ten.
func Large(n int) []byte {
	var sb strings.Builder
	sb.WriteString("apiVersion: physarch.dev/v1\nkind: System\nmetadata: {name: large, title: {en: Large}}\ncloud: azure\nregion: koreacentral\nservices:\n")
	for i := range n {
		fmt.Fprintf(&sb, "  - name: svc-%d\n    route: /api/s%d\n    health: /health\n    database: db%d\n    cache: true\n", i, i, i)
		if i%10 != 9 {
			fmt.Fprintf(&sb, "    calls: [svc-%d]\n", i+1)
		}
	}
	sb.WriteString("backing:\n  postgresql: {}\n  redis: {}\nenvironments:\n  - name: dev\n    profile: dev\n    nodePools: {apps: {vmSize: Standard_D16s_v5, maxPods: 250}}\n    network: {vnetCIDR: 10.0.0.0/8}\n  - name: prod\n    profile: prod\n    nodePools: {apps: {vmSize: Standard_D16s_v5, maxPods: 250}}\n    network: {vnetCIDR: 10.0.0.0/8}\n")
	return []byte(sb.String())
}
