package k8s_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/render/k8s"

	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/testplan"
)

// objects decodes every YAML document of an environment's overlay and the
// base into generic maps.
func objects(t *testing.T, files []render.File, env string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".yaml") || strings.HasSuffix(f.Path, "kustomization.yaml") || strings.HasSuffix(f.Path, k8s.PatchFile) {
			continue
		}
		if !strings.Contains(f.Path, "/base/") && !strings.Contains(f.Path, "/overlays/"+env+"/") {
			continue
		}
		dec := yaml.NewDecoder(bytes.NewReader(f.Data))
		for {
			var m map[string]any
			err := dec.Decode(&m)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			out = append(out, m)
		}
	}
	return out
}

func kinds(objs []map[string]any) map[string]int {
	k := map[string]int{}
	for _, o := range objs {
		k[o["kind"].(string)]++
	}
	return k
}

func TestObjectsPerEnvironment(t *testing.T) {
	for _, name := range examples.Names() {
		pl := testplan.Example(t, name)
		files, err := k8s.Render(pl)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range pl.Envs {
			t.Run(name+"/"+e.Name, func(t *testing.T) {
				objs := objects(t, files, e.Name)
				k := kinds(objs)
				n := len(pl.Services)
				for kind, want := range map[string]int{
					"Deployment": n, "HorizontalPodAutoscaler": n, "PodDisruptionBudget": n,
					"ServiceAccount": n + jobAccounts(e), "Namespace": 1, "Ingress": 1,
				} {
					if k[kind] != want {
						t.Errorf("%d %s, want %d", k[kind], kind, want)
					}
				}
				if k["Secret"] != 0 {
					t.Errorf("a Secret object is written; secret values must never appear")
				}
				// default deny + DNS + one policy per workload with flows
				if k["NetworkPolicy"] < 2+n {
					t.Errorf("%d NetworkPolicies, want at least %d", k["NetworkPolicy"], 2+n)
				}
				// One class per service that reads a secret, where Key
				// Vault holds them; none otherwise.
				classes := 0
				for _, id := range e.Identities {
					if id.SecretClass != "" {
						classes++
					}
				}
				_, vault := plan.Find[*keyvault.Component](e)
				if got := k["SecretProviderClass"]; got != classes || (classes > 0) != vault {
					t.Errorf("%d SecretProviderClasses, want %d (Key Vault %v)", got, classes, vault)
				}
				// The pods the cluster runs for components are StatefulSets;
				// dev's PostgreSQL adds its init Job, and so does a
				// managed server (JobRunner) without pods.
				if pods := len(e.Backing); pods != k["StatefulSet"] || (pods > 0 || e.RunsJobs(pl)) != (k["Job"] == 1) {
					t.Errorf("%d backing pods but %d StatefulSets, %d Jobs", pods, k["StatefulSet"], k["Job"])
				}
				for _, f := range files {
					if strings.Contains(string(f.Data), "hostPath") {
						t.Errorf("%s uses hostPath", f.Path)
					}
				}
			})
		}
	}
}

// TestNetworkPoliciesFollowFlows checks that every call in the plan is
// allowed out of the caller and into the callee, and nothing else between
// services.
func TestNetworkPoliciesFollowFlows(t *testing.T) {
	pl := testplan.Example(t, examples.Default)
	e := pl.Envs[0]
	c := k8s.NewEnvContext(pl, e)
	calls := map[[2]string]bool{}
	for _, f := range e.FlowsOfKind("call") {
		calls[[2]string{f.From, f.To}] = true
	}
	if len(calls) == 0 {
		t.Fatal("example has no calls; the test would prove nothing")
	}
	for _, sv := range pl.Services {
		np, ok := c.PolicyFor(sv.Name)
		if !ok {
			continue
		}
		for _, r := range np.Spec.Egress {
			for _, p := range r.To {
				if p.PodSelector == nil {
					continue
				}
				to := p.PodSelector.MatchLabels[k8s.LabelName]
				if isService(pl, to) && !calls[[2]string{sv.Name, to}] {
					t.Errorf("%s may reach %s, which the plan has no call for", sv.Name, to)
				}
				delete(calls, [2]string{sv.Name, to})
			}
		}
	}
	for c := range calls {
		t.Errorf("call %s → %s has no egress rule", c[0], c[1])
	}
}

func isService(pl *plan.Plan, name string) bool {
	for _, s := range pl.Services {
		if s.Name == name {
			return true
		}
	}
	return false
}

// jobAccounts are the ServiceAccounts of the components' Jobs that run as
// their own identity (with a class of the store).
func jobAccounts(e *plan.Env) int {
	n := 0
	for _, id := range e.JobIdentities() {
		if id.SecretClass != "" {
			n++
		}
	}
	return n
}
