package postgresql

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/plan"
)

// TestServerInitScriptOnRealPostgres runs the Flexible Server init script
// against a real PostgreSQL set up as Flexible Server is: the
// administrator is no superuser but has CREATEROLE and CREATEDB and is a
// member of azure_pg_admin, which owns the databases Terraform created.
// The script must create each owner's role with the password from its
// file (quotes, $(...), a backslash), make it its database's owner (so
// it can create tables), and run a second time without error after a
// password changed. It needs initdb, pg_ctl and psql (skipped without
// them, or when PHYSARCH_REQUIRE_TOOLS is unset and they are missing);
// as root it runs the server as the user postgres (runuser).
func TestServerInitScriptOnRealPostgres(t *testing.T) {
	tools := map[string]string{}
	for _, name := range []string{"initdb", "pg_ctl", "psql", "pg_isready", "sh", "sed"} {
		p, err := exec.LookPath(name)
		if err != nil {
			if os.Getenv("PHYSARCH_REQUIRE_TOOLS") != "" {
				t.Fatalf("%s not found (PHYSARCH_REQUIRE_TOOLS is set)", name)
			}
			t.Skipf("%s not found", name)
		}
		tools[name] = p
	}
	asServer := func(args ...string) *exec.Cmd { return exec.Command(args[0], args[1:]...) }
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root.
		runuser, err := exec.LookPath("runuser")
		if _, uerr := user.Lookup("postgres"); err != nil || uerr != nil {
			t.Skip("running as root without runuser and a postgres user")
		}
		asServer = func(args ...string) *exec.Cmd {
			return exec.Command(runuser, append([]string{"-u", "postgres", "--"}, args...)...)
		}
	}
	dir, err := os.MkdirTemp("", "physarch-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	data, sock := filepath.Join(dir, "data"), dir
	run := func(c *exec.Cmd) {
		t.Helper()
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(c.Args, " "), err, out)
		}
	}
	run(asServer(tools["initdb"], "-D", data, "-U", "postgres", "--auth=trust"))
	// scram for the owners, so their passwords are really checked.
	hba := "local all postgres trust\nlocal all pgadmin trust\nlocal all all scram-sha-256\n"
	if err := os.WriteFile(filepath.Join(data, "pg_hba.conf"), []byte(hba), 0o644); err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(20000 + os.Getpid()%20000)
	run(asServer(tools["pg_ctl"], "-D", data, "-w", "-o", "-p "+port+" -k "+sock+" -c listen_addresses=", "-l", filepath.Join(dir, "log"), "start"))
	t.Cleanup(func() { _ = asServer(tools["pg_ctl"], "-D", data, "-m", "immediate", "stop").Run() })

	psql := func(user, password, db, sql string) (string, error) {
		c := exec.Command(tools["psql"], "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", sock, "-p", port, "-U", user, "-d", db, "-c", sql)
		c.Env = append(os.Environ(), "PGPASSWORD="+password)
		out, err := c.CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}
	dbs := []plan.Database{{Name: "auth-db", Owner: "auth-service"}, {Name: "orders", Owner: "order-service"}}
	setup := "CREATE ROLE azure_pg_admin NOLOGIN; CREATE ROLE pgadmin LOGIN CREATEROLE CREATEDB; GRANT azure_pg_admin TO pgadmin;"
	for _, db := range dbs {
		setup += fmt.Sprintf(` CREATE DATABASE "%s" OWNER azure_pg_admin;`, db.Name)
	}
	for _, stmt := range strings.Split(setup, ";") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if out, err := psql("postgres", "", "postgres", stmt); err != nil {
			t.Fatalf("%s: %v\n%s", stmt, err, out)
		}
	}
	secrets := filepath.Join(dir, "secrets")
	if err := os.Mkdir(secrets, 0o755); err != nil {
		t.Fatal(err)
	}
	passwords := map[string]string{"auth-service": "auth-service-db-password", "order-service": "order-service-db-password"}
	write := func(name, value string) {
		if err := os.WriteFile(filepath.Join(secrets, name), []byte(value), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(AdminSecret, "unused: trust for the administrator")
	values := map[string]string{"auth-service": `it's "$(id)" \n$HOME`, "order-service": "plain"}
	for owner, v := range values {
		write(passwords[owner], v)
	}
	script := filepath.Join(dir, "init.sh")
	if err := os.WriteFile(script, []byte(ServerInitScript(dbs, passwords, secrets)), 0o644); err != nil {
		t.Fatal(err)
	}
	init := func() {
		t.Helper()
		c := exec.Command(tools["sh"], script)
		c.Env = append(os.Environ(), "PGHOST="+sock, "PGPORT="+port, "PGUSER=pgadmin", "PGDATABASE=postgres")
		timer := time.AfterFunc(2*time.Minute, func() { _ = c.Process.Kill() })
		defer timer.Stop()
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("init.sh: %v\n%s", err, out)
		}
	}
	check := func() {
		t.Helper()
		for _, db := range dbs {
			role := strings.ReplaceAll(db.Owner, "-", "_")
			owner, err := psql("postgres", "", "postgres", fmt.Sprintf(`SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '%s'`, db.Name))
			if err != nil || owner != role {
				t.Errorf("%s is owned by %q (%v), want %s", db.Name, owner, err, role)
			}
			if out, err := psql(role, values[db.Owner], db.Name, "CREATE TABLE t (x int); DROP TABLE t;"); err != nil {
				t.Errorf("%s cannot sign in with its password and create a table in %s: %v\n%s", role, db.Name, err, out)
			}
			if _, err := psql(role, "wrong", db.Name, "SELECT 1"); err == nil {
				t.Errorf("%s signs in with a wrong password", role)
			}
		}
	}
	init()
	check()
	// A rotated password reaches the server when the Job runs again.
	values["order-service"] = "rotated 'again'"
	write(passwords["order-service"], values["order-service"])
	init()
	check()
}
