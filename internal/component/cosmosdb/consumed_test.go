package cosmosdb_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/component/cosmosdb"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// droneDelivery is the example whose Delivery History service consumes
// the delivery-status event hub and writes to the deliveries container.
func droneDelivery(t *testing.T) []byte {
	t.Helper()
	_, data, err := examples.Spec("drone-delivery")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// number reads a figure as the documents print it: "5,866.6", "166.67",
// "8 RU", "8 RU (default)".
func number(t *testing.T, cell string) float64 {
	t.Helper()
	f := strings.Fields(strings.ReplaceAll(cell, ",", ""))
	if len(f) == 0 {
		t.Fatalf("empty figure %q", cell)
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		t.Fatalf("figure %q: %v", cell, err)
	}
	return v
}

// TestConsumedMessagesAreSized: a service that consumes a queue or an
// event hub and writes to Cosmos DB is sized from its requests and from
// the messages it consumes, at the plan's consumed rate (production:
// Event Hubs' stated 400 events/s; dev: one event per request of the
// producing service), each message a write of the service's RU per
// request unless ruPerWrite is stated. Before the consumed part, the
// deliveries container was sized from Delivery History's HTTP requests
// alone (2,666.6 RU/s in production).
func TestConsumedMessagesAreSized(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		perMessage     float64
	}{
		{"RU per request", "", "", 8},
		{"stated ruPerWrite", "readPercent: 80}", "readPercent: 80, ruPerWrite: 12}", 12},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := strings.Replace(string(droneDelivery(t)), c.from, c.to, 1)
			pl, files := readback.Build(t, "physarch.yaml", []byte(data), md.En)
			for _, e := range pl.Envs {
				x := account(t, e)
				u, ok := x.Uses("deliveryhistory-service")
				if !ok {
					t.Fatal("deliveryhistory-service does not use the account")
				}
				sv := service(t, pl, "deliveryhistory-service")
				want := plan.ConsumedRate(e, sv)
				if r, _ := e.DestinationRate("delivery-status"); want == 0 || want != r.PerSecond || u.ConsumedRate != want {
					t.Fatalf("%s: consumes %g/s, the plan's rate is %g (delivery-status %g)", e.Name, u.ConsumedRate, want, r.PerSecond)
				}
				if e.IsProdLike() && want != 400 {
					t.Errorf("prod consumes %g events/s, want the stated 400", want)
				}
				if u.RUPerMessage != c.perMessage {
					t.Errorf("%s: %g RU per message, want %g", e.Name, u.RUPerMessage, c.perMessage)
				}
				need := math.Round((u.PeakRPS*u.RUPerRequest+want*c.perMessage)*10+1e-6) / 10
				ct := container(t, x, "deliveries")
				if u.NeedRUs != need || ct.NeedRUs != need {
					t.Errorf("%s: need %g RU/s (container %g), want %g = %g req/s × %g + %g msg/s × %g", e.Name, u.NeedRUs, ct.NeedRUs, need, u.PeakRPS, u.RUPerRequest, want, c.perMessage)
				}
				if sized := need * 1.3; x.Capacity != "serverless" && float64(ct.RUs) < sized {
					t.Errorf("%s: deliveries has %d RU/s for a sized need of %g", e.Name, ct.RUs, sized)
				}
				doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
				row := userRow(t, doc, "deliveryhistory-service")
				if number(t, row["Messages consumed/s"]) != want || number(t, row["RU per message"]) != c.perMessage || number(t, row["Peak RU/s"]) != need {
					t.Errorf("%s: document row %v, plan %g msg/s × %g RU, %g RU/s", e.Name, row, want, c.perMessage, need)
				}
				if !strings.Contains(string(doc), "messages consumed/s × RU per message") {
					t.Errorf("%s: the document does not say how consumed messages count", e.Name)
				}
			}
		})
	}
}

// TestRUFiguresAgreeAcrossTables: the container table and the services'
// table print the one planned figure, rounded once; the figures a
// service's row shows multiply out to its RU/s. Before, production's
// drones showed 833.4 in one table and 833.3 in the other, and dev's
// 0.8 req/s × 5 RU printed as 4.1 beside a container need of 4.2.
func TestRUFiguresAgreeAcrossTables(t *testing.T) {
	sources := map[string][]byte{"drone-delivery": droneDelivery(t)}
	for _, name := range specs {
		sources[name] = read(t, name)
	}
	for name, data := range sources {
		pl, files := readback.Build(t, "physarch.yaml", data, md.En)
		for _, e := range pl.Envs {
			t.Run(name+"/"+e.Name, func(t *testing.T) {
				x := account(t, e)
				doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
				cts := readback.TableUnder(t, doc, "Containers and RU/s")
				need := cts.Col("Peak need RU/s")
				shown := map[string]string{}
				for _, r := range cts.Rows {
					shown[r[cts.Col("Container")]] = r[need]
				}
				sums := map[string]float64{}
				for _, u := range x.Users {
					row := userRow(t, doc, u.Service)
					perMessage, consumed := 0.0, 0.0
					if row["Messages consumed/s"] != "-" {
						consumed, perMessage = number(t, row["Messages consumed/s"]), number(t, row["RU per message"])
					}
					got := math.Round((number(t, row["Peak req/s"])*number(t, row["RU per request"])+consumed*perMessage)*10+1e-6) / 10
					if printed := number(t, row["Peak RU/s"]); printed != got || printed != u.NeedRUs {
						t.Errorf("%s: row %v multiplies out to %g, prints %g, plan %g", u.Service, row, got, printed, u.NeedRUs)
					}
					for _, ct := range u.Containers {
						sums[ct] += number(t, row["Peak RU/s"]) / float64(len(u.Containers))
					}
				}
				// A container's need is its users' printed figures, summed
				// (spread over the containers each names): with one user
				// using one container, the very same text.
				for _, ct := range x.Containers {
					want := math.Round(sums[ct.Name]*10+1e-6) / 10
					if got := number(t, shown[ct.Name]); got != want || got != ct.NeedRUs {
						t.Errorf("container %s: %s RU/s, its users' figures sum to %g, plan %g", ct.Name, shown[ct.Name], want, ct.NeedRUs)
					}
					if len(ct.Users) == 1 {
						if u, _ := x.Uses(ct.Users[0]); len(u.Containers) == 1 && userRow(t, doc, u.Service)["Peak RU/s"] != shown[ct.Name] {
							t.Errorf("container %s: %s RU/s, its one user's row %s", ct.Name, shown[ct.Name], userRow(t, doc, u.Service)["Peak RU/s"])
						}
					}
				}
			})
		}
	}
}

// userRow is a service's row of the services' RU table, by column.
func userRow(t *testing.T, doc []byte, service string) map[string]string {
	t.Helper()
	for _, tb := range readback.Tables(doc) {
		if !strings.Contains(tb.Heading, "Data and request cost") || tb.Col("Peak RU/s") < 0 {
			continue
		}
		for _, r := range tb.Rows {
			if r[0] == service {
				out := map[string]string{}
				for i, h := range tb.Head {
					out[h] = r[i]
				}
				return out
			}
		}
	}
	t.Fatalf("no RU row for %s", service)
	return nil
}

func container(t *testing.T, x *cosmosdb.Component, name string) *cosmosdb.ContainerPlan {
	t.Helper()
	for _, ct := range x.Containers {
		if ct.Name == name {
			return ct
		}
	}
	t.Fatalf("no container %s", name)
	return nil
}

func service(t *testing.T, pl *plan.Plan, name string) plan.Service {
	t.Helper()
	for _, sv := range pl.Services {
		if sv.Name == name {
			return sv
		}
	}
	t.Fatalf("no service %s", name)
	return plan.Service{}
}
