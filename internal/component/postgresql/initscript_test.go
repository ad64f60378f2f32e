package postgresql

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
)

// TestInitScriptQuotes runs the database init script in sh with a psql
// that records the SQL it is given: a database named auth-db and a
// password holding quotes, a dollar sign and a backslash must reach
// PostgreSQL as a quoted identifier and one intact literal.
func TestInitScriptQuotes(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	if _, err := exec.LookPath("sed"); err != nil {
		t.Skip("no sed")
	}
	script := InitScript([]plan.Database{{Name: "auth-db", Owner: "auth-service"}})
	if strings.Contains(script, "CREATE DATABASE auth-db") {
		t.Fatalf("unquoted identifier:\n%s", script)
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "sql.log")
	// psql -tc checks print nothing (the role and database do not exist
	// yet); psql -c records its SQL.
	stub := "#!/bin/sh\nwhile [ $# -gt 0 ]; do case \"$1\" in -c) printf '%s\\n' \"$2\" >> \"$LOG\"; shift;; esac; shift; done\n"
	for name, body := range map[string]string{"psql": stub, "pg_isready": "#!/bin/sh\nexit 0\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "init.sh"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sh, filepath.Join(dir, "init.sh"))
	password := `it's "$HOME" \n`
	cmd.Env = append(os.Environ(), "PATH="+dir+":"+os.Getenv("PATH"), "LOG="+log, "PGHOST=localhost", "AUTH_SERVICE_DB_PASSWORD="+password)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("init.sh: %v\n%s", err, out)
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	want := `CREATE ROLE "auth_service" LOGIN PASSWORD 'it''s "$HOME" \n'` + "\n" +
		`CREATE DATABASE "auth-db" OWNER "auth_service"` + "\n"
	if string(got) != want {
		t.Errorf("psql got\n%s\nwant\n%s", got, want)
	}
}

func TestSQLQuoting(t *testing.T) {
	for _, c := range []struct{ in, ident, lit string }{
		{"auth-db", `"auth-db"`, `'auth-db'`},
		{`a"b`, `"a""b"`, `'a"b'`},
		{"o'k", `"o'k"`, `'o''k'`},
	} {
		if got := sqlIdent(c.in); got != c.ident {
			t.Errorf("sqlIdent(%q) = %s, want %s", c.in, got, c.ident)
		}
		if got := sqlLiteral(c.in); got != c.lit {
			t.Errorf("sqlLiteral(%q) = %s, want %s", c.in, got, c.lit)
		}
	}
	if got := shDQ(`a"b$c\d` + "`"); got != `a\"b\$c\\d\`+"`" {
		t.Errorf("shDQ: %s", got)
	}
}
