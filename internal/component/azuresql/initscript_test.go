package azuresql_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/azuresql"
)

// TestInitScriptQuotes runs the init script in sh with a sqlcmd that
// records what it is given: a database named order-db and a password
// holding quotes, a dollar sign, "$(" and a backslash must reach SQL Server
// as a bracketed identifier and one intact N'...' literal, with sqlcmd's
// own variable substitution off (-x) and the sa password never an
// argument.
func TestInitScriptQuotes(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	if _, err := exec.LookPath("sed"); err != nil {
		t.Skip("no sed")
	}
	c := &azuresql.Component{Collation: "SQL_Latin1_General_CP1_CI_AS", Databases: []azuresql.Database{{Name: "order-db", Owner: "order-service", User: "order_service"}}}
	script := azuresql.InitScript(c)
	dir := t.TempDir()
	log := filepath.Join(dir, "sql.log")
	// Records -d and -Q, one line each; fails when -x is missing or the
	// sa password is passed as -P.
	stub := "#!/bin/sh\nx=no\nwhile [ $# -gt 0 ]; do case \"$1\" in -x) x=yes;; -P) echo password argument >&2; exit 3;; -d) printf 'db %s\\n' \"$2\" >> \"$LOG\"; shift;; -Q) q=\"$2\"; shift;; esac; shift; done\n" +
		"[ \"$x\" = yes ] || { echo no -x >&2; exit 4; }\n[ \"$q\" = 'SELECT 1' ] || printf '%s\\n' \"$q\" >> \"$LOG\"\n"
	stubPath := filepath.Join(dir, "sqlcmd")
	if err := os.WriteFile(stubPath, []byte(stub), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "init.sh"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sh, filepath.Join(dir, "init.sh"))
	password := `it's "$HOME" $(id) \n`
	cmd.Env = append(os.Environ(), "SQLCMD="+stubPath, "LOG="+log, "SQLHOST=localhost", "SQLCMDPASSWORD=sa-secret", "ORDER_SERVICE_SQL_PASSWORD="+password)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("init.sh: %v\n%s", err, out)
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"EXEC sp_configure 'contained database authentication', 1; RECONFIGURE;",
		"IF DB_ID(N'order-db') IS NULL CREATE DATABASE [order-db] CONTAINMENT = PARTIAL COLLATE SQL_Latin1_General_CP1_CI_AS;",
		"db order-db",
		`IF USER_ID(N'order_service') IS NULL CREATE USER [order_service] WITH PASSWORD = N'it''s "$HOME" $(id) \n'; ALTER ROLE db_owner ADD MEMBER [order_service];`,
	}, "\n") + "\n"
	if string(got) != want {
		t.Errorf("sqlcmd got\n%s\nwant\n%s", got, want)
	}
}
