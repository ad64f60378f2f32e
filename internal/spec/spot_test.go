package spec

import (
	"errors"
	"strings"
	"testing"
)

// spotSpec is a valid spec whose dev apps pool the cases below change.
const spotSpec = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /health
environments:
  - name: dev
    profile: dev
    nodePools:
      apps: {vmSize: Standard_D2s_v3}
  - name: prod
    profile: prod
`

// TestSpotOnBSeries: the dev profile's spot: true is dropped for a
// B-series pool (Azure sells no B-series Spot VM), kept for a D-series
// one; a spot: true the user writes on a B-series size is one error at
// that key, with a hint naming a size that is sold as Spot.
func TestSpotOnBSeries(t *testing.T) {
	cases := []struct {
		name, apps string
		spot       bool   // the planned pool's Spot when the spec loads
		err        string // the error, when it does not
		line, col  int
		hint       string
	}{
		{name: "D-series keeps the profile's Spot", apps: "{vmSize: Standard_D2s_v3}", spot: true},
		{name: "B-series drops the profile's Spot", apps: "{vmSize: Standard_B2ms}", spot: false},
		{name: "B-series pay-as-you-go stated", apps: "{vmSize: Standard_B4ms, spot: false}", spot: false},
		{name: "B-series Spot stated", apps: "{vmSize: Standard_B2ms, spot: true}", err: "Azure does not offer Standard_B2ms (B-series) as Spot", line: 14, col: 43, hint: "such as Standard_D2s_v3"},
		{name: "B4ms Spot stated", apps: "{vmSize: Standard_B4ms, spot: true}", err: "Standard_B4ms (B-series)", line: 14, col: 43, hint: "such as Standard_D4s_v3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(spotSpec, "{vmSize: Standard_D2s_v3}", c.apps, 1)
			doc, err := testLoad("shop.yaml", []byte(text))
			if c.err == "" {
				if err != nil {
					t.Fatalf("valid spec rejected: %v", err)
				}
				if got := doc.Spec.Environments[0].NodePools.Apps.Spot; got != c.spot {
					t.Errorf("dev apps spot = %v, want %v", got, c.spot)
				}
				return
			}
			var errs Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("want one error, got %v", err)
			}
			e := errs[0]
			if !strings.Contains(e.Msg, c.err) || !strings.Contains(e.Hint, c.hint) {
				t.Errorf("error %q, hint %q; want %q, %q", e.Msg, e.Hint, c.err, c.hint)
			}
			if e.Pos.File != "shop.yaml" || e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %v, want shop.yaml:%d:%d", e.Pos, c.line, c.col)
			}
		})
	}
}
