package draft

import (
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
)

type flow struct{ queues, notes []string }

// messaging decides who sends to and who receives from each queue, from
// the first of:
//   - Produces and Consumes facts: a diagram's edges, and a queue table's
//     sender and receiver columns (송신/수신, sender/receiver,
//     producer/consumer, publisher/subscriber);
//   - a guess, as Service Bus needs both ends: a queue named after a
//     service and an event ("order-created") is that service's to send, one
//     named after it otherwise ("notification-send") its to receive; the
//     missing end is another service.
func messaging(s *facts.Set, list []*svc) map[string]*flow {
	out := map[string]*flow{}
	add := func(svc, dir, q, note string) {
		k := svc + "\x1f" + dir
		if out[k] == nil {
			out[k] = &flow{}
		}
		for _, have := range out[k].queues {
			if have == q {
				return
			}
		}
		out[k].queues = append(out[k].queues, q)
		out[k].notes = append(out[k].notes, q+" "+note)
	}
	known := func(name string) string {
		k := strings.TrimSuffix(facts.ServiceKey(name), "-service")
		for _, v := range list {
			if strings.TrimSuffix(v.name, "-service") == k {
				return v.name
			}
		}
		return ""
	}
	// The diagrams' edges first; a table's sender and receiver columns
	// fill only the ends the diagrams leave open.
	has := map[string]bool{}
	for _, diagram := range []bool{true, false} {
		drawn := map[string]bool{}
		for k := range has {
			drawn[k] = true
		}
		for _, k := range []facts.Kind{facts.Produces, facts.Consumes} {
			for _, f := range s.Of(k) {
				if f.Src.Diagram != diagram || drawn[f.Value+string(k)] {
					continue
				}
				if name := known(f.Subject); name != "" {
					add(name, string(k), f.Value, "from "+from(f))
					has[f.Value+string(k)] = true
				}
			}
		}
	}
	if len(list) < 2 {
		return out
	}
	for _, q := range queueNames(s) {
		named := ""
		for _, v := range list {
			stem := strings.TrimSuffix(v.name, "-service")
			if strings.HasPrefix(q, stem+"-") || q == stem {
				named = v.name
			}
		}
		event := named != "" && strings.HasSuffix(q, "ed") // order-created: order-service's event
		other := func(not string) string {
			for _, v := range list {
				if v.name != not {
					return v.name
				}
			}
			return ""
		}
		consumer, producer := "", ""
		switch {
		case named != "" && event:
			producer, consumer = named, other(named)
		case named != "":
			consumer, producer = named, other(named)
		default:
			consumer, producer = list[len(list)-1].name, list[0].name
		}
		if !has[q+string(facts.Consumes)] {
			add(consumer, "consumes", q, "guessed: no edge or table column shows who receives it")
		}
		if !has[q+string(facts.Produces)] {
			add(producer, "produces", q, "guessed: no edge or table column shows who sends it")
		}
	}
	return out
}

func queueNames(s *facts.Set) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range s.Of(facts.Queue) {
		if !seen[f.Subject] && dnsLabel.MatchString(f.Subject) {
			seen[f.Subject] = true
			out = append(out, f.Subject)
		}
	}
	sort.Strings(out)
	return out
}
