package k8s_test

import (
	"bytes"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/testplan"
)

// TestNamespacesLayout: with several namespaces the base has a directory
// per namespace group, and each overlay a kustomization per namespace
// that sets it, under the environment's, which lists them, labels them
// and rewrites the images; every object lands in its workload's namespace;
// each namespace has its quota, limits and default-deny policy, and an
// Ingress only where its services have routes.
func TestNamespacesLayout(t *testing.T) {
	pl := testplan.Workloads(t)
	files, err := k8s.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[strings.TrimPrefix(f.Path, k8s.Dir+"/")] = f.Data
	}
	kz := func(path string) k8s.Kustomization {
		var k k8s.Kustomization
		if err := yaml.Unmarshal(byPath[path], &k); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return k
	}
	if got := kz("base/kustomization.yaml").Resources; strings.Join(got, ",") != "default,messaging,ml" {
		t.Errorf("base resources %v", got)
	}
	if got := kz("base/ml/kustomization.yaml").Resources; strings.Join(got, ",") != "inference.yaml" {
		t.Errorf("base/ml resources %v", got)
	}
	for _, e := range pl.Envs {
		top := kz("overlays/" + e.Name + "/kustomization.yaml")
		if top.Namespace != "" || len(top.Images) != len(pl.Services) || len(top.Labels) != 1 || strings.Join(top.Resources, ",") != "default,ml,messaging" {
			t.Errorf("%s top kustomization %+v", e.Name, top)
		}
		for _, ns := range e.Namespaces {
			dir := "overlays/" + e.Name + "/" + ns.Dir + "/"
			k := kz(dir + "kustomization.yaml")
			if k.Namespace != ns.Name || k.Resources[0] != "../../../base/"+ns.Dir {
				t.Errorf("%s: kustomization %+v", dir, k)
			}
			for _, want := range []string{"namespace.yaml", "resource-quota.yaml", "network-policies.yaml", "serviceaccounts.yaml"} {
				if !contains(k.Resources, want) {
					t.Errorf("%s lacks %s", dir, want)
				}
			}
			routed := false
			for _, f := range e.FlowsOfKind("ingress") {
				routed = routed || e.NamespaceOf(f.To) == ns.Name
			}
			if contains(k.Resources, "ingress.yaml") != routed {
				t.Errorf("%s: Ingress present %v, routes %v", dir, contains(k.Resources, "ingress.yaml"), routed)
			}
			if contains(k.Resources, "backing.yaml") != (ns.Components && (len(e.Backing) > 0 || e.RunsJobs(pl))) {
				t.Errorf("%s: the components' objects are misplaced", dir)
			}
			for _, f := range k.Resources[1:] {
				dec := yaml.NewDecoder(bytes.NewReader(byPath[dir+f]))
				for {
					var o struct {
						Kind     string
						Metadata struct{ Name, Namespace string }
					}
					if dec.Decode(&o) != nil {
						break
					}
					if o.Kind != "Namespace" && o.Metadata.Namespace != ns.Name {
						t.Errorf("%s%s: %s %s in namespace %q", dir, f, o.Kind, o.Metadata.Name, o.Metadata.Namespace)
					}
				}
			}
		}
	}
}

// TestNetworkPoliciesFollowFlowsAcrossNamespaces: a call from one
// namespace to another is allowed out of the caller to the callee's
// namespace and pod, and into the callee from the caller's namespace and
// pod; a pod of the same namespace is selected without a namespace.
func TestNetworkPoliciesFollowFlowsAcrossNamespaces(t *testing.T) {
	pl := testplan.Workloads(t)
	for _, e := range pl.Envs {
		c := k8s.NewEnvContext(pl, e)
		crossed := 0
		for _, f := range e.Flows {
			// Calls, and the cache where it is a pod (dev): flows to a pod.
			if f.Kind != "call" && (f.Kind != "cache" || len(e.Backing) == 0) {
				continue
			}
			from, to := e.NamespaceOf(f.From), e.NamespaceOf(f.To)
			out, ok := c.PolicyFor(f.From)
			if !ok {
				t.Fatalf("%s: no policy for %s", e.Name, f.From)
			}
			found := false
			for _, r := range out.Spec.Egress {
				for _, p := range r.To {
					if p.PodSelector == nil || p.PodSelector.MatchLabels[k8s.LabelName] != f.To {
						continue
					}
					cross := p.NamespaceSelector != nil
					if cross != (from != to) || (cross && p.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"] != to) {
						t.Errorf("%s: %s → %s: egress peer %+v", e.Name, f.From, f.To, p)
					}
					found = true
				}
			}
			if !found {
				t.Errorf("%s: %s may not reach %s", e.Name, f.From, f.To)
			}
			if from != to {
				crossed++
			}
			in, ok := c.PolicyFor(f.To)
			if !ok || in.Namespace != to {
				t.Fatalf("%s: policy of %s in %q, want %q", e.Name, f.To, in.Namespace, to)
			}
			admitted := false
			for _, r := range in.Spec.Ingress {
				for _, p := range r.From {
					if p.PodSelector != nil && p.PodSelector.MatchLabels[k8s.LabelName] == f.From &&
						(from == to) == (p.NamespaceSelector == nil) {
						admitted = true
					}
				}
			}
			if !admitted {
				t.Errorf("%s: %s does not admit %s from %s", e.Name, f.To, f.From, from)
			}
		}
		if crossed == 0 {
			t.Fatalf("%s: no flow crosses namespaces; the test would prove nothing", e.Name)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
