package cli

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/serve"
)

func newServe() *cobra.Command {
	var sf specFlags
	var listen, lang, pkg, config string
	var port int
	cmd := &cobra.Command{
		Use:   "serve [SPEC]",
		Short: "Show the design in the browser, updated as the spec is saved",
		Long: `serve starts a read-only web server on 127.0.0.1 that shows the spec's
design: per environment the physical and network diagrams, cost per
component, availability per route with the weakest links, capacity
(replicas, nodes, subnets), the check findings linked to their spec lines,
the decisions with their alternatives, the environments side by side, a
what-if of peak users, the generated documents, and the whole package as a
zip. Every figure is the one physarch cost, sla, check and build give.

The spec file is read every 50 ms; a save rebuilds it and the open pages
update (server-sent events). A spec with errors shows them with their
positions while the page keeps the last good view.

The server binds 127.0.0.1:--port. It binds another address only when
--listen names it (the page shows the whole design to whoever reaches it).
It answers only GET and HEAD, only for the Host it is bound to (DNS
rebinding), with a strict Content-Security-Policy, and nothing it serves
leaves the machine: the page's scripts, Mermaid included, are in the binary.

--package DIR also audits a hand-written package (as physarch audit DIR)
and shows its findings.

` + specArgHelp,
		Example: `  physarch serve examples/kt-event-marketing/physarch.yaml
  physarch serve --port 9000 --lang en
  physarch serve spec.yaml --package docs/physical/
  physarch serve --listen 0.0.0.0:8080     (every interface: you mean it)`,
		Args: specArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != string(md.Ko) && lang != string(md.En) {
				return usageError{fmt.Errorf("--lang must be ko or en, not %q", lang)}
			}
			if port < 0 || port > 65535 {
				return usageError{fmt.Errorf("--port must be from 0 to 65535, not %d", port)}
			}
			addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
			explicit := cmd.Flags().Changed("listen")
			if explicit {
				if cmd.Flags().Changed("port") {
					return usageError{fmt.Errorf("--listen %s names the port too; give --port or --listen, not both", listen)}
				}
				addr = listen
			}
			if err := serve.CheckListen(addr, explicit); err != nil {
				return usageError{err}
			}
			src, err := sf.read(args, true)
			if err != nil {
				return err
			}
			cfg, err := checkConfig(config, src.path, components.Checks())
			if err != nil {
				return usageError{err}
			}
			opt := serve.Options{Spec: src.path, Listen: addr, Explicit: explicit, Lang: md.Lang(lang), Prices: loadPrices, Check: cfg, Log: cmd.ErrOrStderr()}
			if src.embedded {
				opt.Data = src.data
			}
			if pkg != "" {
				if _, err := auditInputs([]string{pkg}); err != nil {
					return err
				}
				reg := audit.Default()
				opt.Audit = func() ([]audit.Finding, []string, error) {
					in, err := auditInputs([]string{pkg})
					if err != nil {
						return nil, nil, err
					}
					var names []string
					for _, f := range in {
						names = append(names, f.Name)
					}
					return audit.Cap(reg.Run(facts.Extract(in))), names, nil
				}
			}
			srv, err := serve.New(opt)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if src.embedded {
				fmt.Fprintf(w, "No %s here: serving the built-in example %s (not watched).\n", DefaultSpec, src.path)
			}
			fmt.Fprintf(w, "physarch serve: %s at %s (Ctrl-C stops)\n", src.path, srv.URL())
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return srv.Serve(ctx)
		},
	}
	sf.register(cmd)
	cmd.Flags().IntVar(&port, "port", 8080, "port on 127.0.0.1 (0 picks a free one)")
	cmd.Flags().StringVar(&listen, "listen", "", "bind this host:port instead, other than loopback too (you mean it)")
	cmd.Flags().StringVar(&lang, "lang", "ko", "the page's first language: ko or en")
	cmd.Flags().StringVar(&pkg, "package", "", "also audit this hand-written package directory and show its findings")
	cmd.Flags().StringVar(&config, "config", "", "rule config file (default: "+defaultCheckConfig+" next to the spec, if present)")
	return cmd
}
