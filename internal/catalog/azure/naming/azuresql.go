package naming

// The Azure SQL Database rules (the azuresql block).
var (
	// Microsoft.Sql/servers: 1–63; lowercase letters, digits and hyphens;
	// can't start or end with a hyphen; globally unique
	// (<name>.database.windows.net). azurerm mssql/validate/mssql.go
	// ValidateMsSqlServerName asks for ^[0-9a-z]([-0-9a-z]{0,61}[0-9a-z])?$.
	sqlServer = Rule{Kind: "Azure SQL logical server", Min: 1, Max: 63, chars: lower | digit | hyphen, first: lower | digit, last: lower | digit, Global: true,
		Source: msRules + " (Microsoft.Sql/servers); azurerm mssql ValidateMsSqlServerName"}

	// Microsoft.Sql/servers/databases: 1–128; no <>*%&:\/? or control
	// characters; can't end with a period or a space (azurerm mssql/
	// validate/mssql.go ValidateMsSqlDatabaseName). physarch keeps to
	// letters, digits, hyphens and underscores, which need no quoting in
	// a connection string, and starts the name with a letter.
	sqlDatabase = Rule{Kind: "Azure SQL database", Min: 1, Max: 128, chars: alnum | hyphen | underscore, first: letter, last: alnum | underscore,
		Source: msRules + " (Microsoft.Sql/servers/databases); azurerm mssql ValidateMsSqlDatabaseName"}
)

// SQLServer derives an Azure SQL logical server name.
func SQLServer(wanted string) Name { return sqlServer.Derive(wanted) }

// SQLDatabase derives an Azure SQL database name.
func SQLDatabase(wanted string) Name { return sqlDatabase.Derive(wanted) }
