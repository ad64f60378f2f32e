package realtools

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Kube is a real kube-apiserver backed by a real etcd, both on loopback,
// both stopped by PID when the test ends. Nothing else of a cluster runs:
// no scheduler, no kubelet. That is all a server-side dry run needs.
type Kube struct {
	Kubeconfig string
	kubectl    string
	crds       string
}

// StartKube starts etcd and kube-apiserver on free loopback ports and waits
// until the API server is ready.
func StartKube(t testing.TB) *Kube {
	t.Helper()
	apiserver := Lookup(t, "kube", []string{"PHYSARCH_KUBE_APISERVER"}, "")
	etcd := Lookup(t, "kube", []string{"PHYSARCH_ETCD"}, "etcd")
	kubectl := Lookup(t, "kube", []string{"PHYSARCH_KUBECTL"}, "kubectl")
	crds := os.Getenv("PHYSARCH_KUBE_CRDS")
	dir := t.TempDir()

	client, peer, secure := freePort(t), freePort(t), freePort(t)
	etcdURL := "http://127.0.0.1:" + strconv.Itoa(client)
	peerURL := "http://127.0.0.1:" + strconv.Itoa(peer)
	start(t, filepath.Join(dir, "etcd.log"), etcd,
		"--name", "physarch-test", "--data-dir", filepath.Join(dir, "etcd"),
		"--listen-client-urls", etcdURL, "--advertise-client-urls", etcdURL,
		"--listen-peer-urls", peerURL, "--initial-advertise-peer-urls", peerURL,
		"--initial-cluster", "physarch-test="+peerURL)

	key, crt := filepath.Join(dir, "sa.key"), filepath.Join(dir, "sa.crt")
	if out, err := exec.Command("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=sa",
		"-days", "1", "-keyout", key, "-out", crt).CombinedOutput(); err != nil {
		t.Fatalf("openssl: %v\n%s", err, out)
	}
	const token = "physarch-test-token"
	tokens := filepath.Join(dir, "tokens.csv")
	if err := os.WriteFile(tokens, []byte(token+",admin,admin,system:masters\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	start(t, filepath.Join(dir, "apiserver.log"), apiserver,
		"--etcd-servers="+etcdURL, "--bind-address=127.0.0.1", "--secure-port="+strconv.Itoa(secure),
		"--cert-dir="+filepath.Join(dir, "certs"), "--token-auth-file="+tokens, "--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc", "--service-account-key-file="+crt,
		"--service-account-signing-key-file="+key, "--service-cluster-ip-range=10.96.0.0/12",
		"--disable-admission-plugins=ServiceAccount")

	server := "https://127.0.0.1:" + strconv.Itoa(secure)
	waitReady(t, server, token, filepath.Join(dir, "apiserver.log"))
	kc := filepath.Join(dir, "kubeconfig")
	cfg := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters: [{name: test, cluster: {server: %q, insecure-skip-tls-verify: true}}]
users: [{name: admin, user: {token: %q}}]
contexts: [{name: test, context: {cluster: test, user: admin}}]
current-context: test
`, server, token)
	if err := os.WriteFile(kc, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return &Kube{Kubeconfig: kc, kubectl: kubectl, crds: crds}
}

// Kubectl runs kubectl against the test server; output is stdout and
// stderr together.
func (k *Kube) Kubectl(args ...string) (string, error) {
	stdout, stderr, err := k.KubectlSplit(args...)
	return stdout + stderr, err
}

// KubectlSplit runs kubectl and keeps stdout (the objects) apart from
// stderr (errors and the server's warnings).
func (k *Kube) KubectlSplit(args ...string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, k.kubectl, append([]string{"--kubeconfig", k.Kubeconfig}, args...)...)
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.String(), e.String(), err
}

// InstallCRDs creates (for real) the CustomResourceDefinitions the
// manifests use, from PHYSARCH_KUBE_CRDS, and waits until they serve.
func (k *Kube) InstallCRDs(t testing.TB) {
	t.Helper()
	if k.crds == "" {
		Lookup(t, "kube", []string{"PHYSARCH_KUBE_CRDS"}, "")
	}
	if out, err := k.Kubectl("apply", "-f", k.crds); err != nil {
		t.Fatalf("installing CRDs from %s: %v\n%s", k.crds, err, out)
	}
	if out, err := k.Kubectl("wait", "--for=condition=Established", "--timeout=60s", "crd", "--all"); err != nil {
		t.Fatalf("CRDs not established: %v\n%s", err, out)
	}
}

// InstallCRDFile creates (for real) the CustomResourceDefinitions of one
// file, such as the vendored KEDA CRDs, and waits until they serve.
func (k *Kube) InstallCRDFile(t testing.TB, path string) {
	t.Helper()
	if out, err := k.Kubectl("apply", "-f", path); err != nil {
		t.Fatalf("installing CRDs from %s: %v\n%s", path, err, out)
	}
	if out, err := k.Kubectl("wait", "--for=condition=Established", "--timeout=60s", "crd", "--all"); err != nil {
		t.Fatalf("CRDs not established: %v\n%s", err, out)
	}
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// start runs a server process with its output in a log file and stops it
// by PID when the test ends.
func start(t testing.TB, logPath, bin string, args ...string) {
	t.Helper()
	log, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	pid := cmd.Process.Pid
	t.Cleanup(func() {
		_ = syscall.Kill(-pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = syscall.Kill(-pid, syscall.SIGKILL)
			<-done
		}
		log.Close()
	})
}

func waitReady(t testing.TB, server, token, logPath string) {
	t.Helper()
	c := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequest(http.MethodGet, server+"/readyz", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	b, _ := os.ReadFile(logPath)
	lines := strings.Split(string(b), "\n")
	if len(lines) > 30 {
		lines = lines[len(lines)-30:]
	}
	t.Fatalf("kube-apiserver not ready after 90 s; last log lines:\n%s", strings.Join(lines, "\n"))
}
