package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/retail"
	"github.com/physarch/physarch/internal/spec"
)

// cacheDir is where refreshed prices live: $PHYSARCH_CACHE, else
// ~/.cache/physarch.
func cacheDir() string {
	if d := os.Getenv("PHYSARCH_CACHE"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "physarch")
	}
	return ".physarch-cache"
}

// loadPrices is the one price source every command uses: the refreshed
// cache for the region when there is one (its rows win, being for the
// region itself), with the embedded snapshot behind it for anything the
// cache lacks.
func loadPrices(region string) (*azure.Prices, error) {
	emb, err := azure.Embedded()
	if err != nil {
		return nil, err
	}
	path := retail.CachePath(cacheDir(), region)
	items, err := retail.LoadCache(path)
	if errors.Is(err, fs.ErrNotExist) {
		return emb, nil
	}
	if err != nil {
		return nil, err
	}
	return &azure.Prices{Items: append(items, emb.Items...), Origin: "price cache " + path + " over the embedded snapshot"}, nil
}

// pricesFor returns the price source for a spec's region.
func pricesFor(src *source) (*azure.Prices, error) {
	doc, err := spec.Load(src.path, src.data)
	if err != nil {
		return nil, err
	}
	return loadPrices(doc.Spec.Region)
}

func newPrices() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prices",
		Short: "Manage the price catalog (refresh from the Azure Retail Prices API)",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newPricesRefresh())
	return cmd
}

func newPricesRefresh() *cobra.Command {
	var sf specFlags
	var region, endpoint string
	var offline bool
	cmd := &cobra.Command{
		Use:   "refresh",
		Short: "Fetch current prices for the spec's region into the local cache",
		Long: `refresh asks the Azure Retail Prices API for the meters the catalog needs
in the spec's region (the spec's VM sizes and every priced service, plus
Global meters), following NextPageLink, retrying with backoff, with a
timeout per request and progress on a terminal. The cache file
($PHYSARCH_CACHE or ~/.cache/physarch)/prices-<region>.json is replaced only
when every page arrived; a failed refresh leaves the previous cache intact.
Later runs of build and cost use the cache in preference to the embedded
snapshot.

--offline never touches the network: it reports what the cache holds.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			src, err := sf.read(false)
			if err != nil {
				return err
			}
			pl, err := loadPlan(src, nil)
			if err != nil {
				return err
			}
			if region == "" {
				region = pl.Region
			}
			path := retail.CachePath(cacheDir(), region)
			w := cmd.OutOrStdout()
			if offline {
				items, err := retail.LoadCache(path)
				if errors.Is(err, fs.ErrNotExist) {
					fmt.Fprintf(w, "No price cache for %s at %s; builds use the embedded snapshot.\n", region, path)
					return nil
				}
				if err != nil {
					return err
				}
				date := ""
				if len(items) > 0 && items[0].Provenance != nil {
					date = items[0].Provenance.Date
				}
				fmt.Fprintf(w, "Price cache %s: %d items for %s, fetched %s.\n", path, len(items), region, date)
				return nil
			}
			seen := map[string]bool{}
			var vms []string
			for _, e := range pl.Envs {
				for _, p := range e.Pools {
					if !seen[p.VMSize] {
						seen[p.VMSize] = true
						vms = append(vms, p.VMSize)
					}
				}
			}
			c := retail.New()
			if endpoint != "" {
				c.BaseURL = endpoint
			}
			if f, ok := cmd.ErrOrStderr().(*os.File); ok {
				if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
					c.Progress = f
				}
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			n, err := c.Refresh(ctx, retail.Filters(region, vms), path, nowFunc())
			if err != nil {
				return fmt.Errorf("refresh failed, the previous cache (if any) is unchanged: %w", err)
			}
			fmt.Fprintf(w, "Cached %d price items for %s in %s.\n", n, region, path)
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&region, "region", "", "region to fetch (default: the spec's)")
	cmd.Flags().StringVar(&endpoint, "endpoint", "", "API endpoint (default "+retail.DefaultBaseURL+")")
	cmd.Flags().BoolVar(&offline, "offline", false, "never touch the network; report the cache")
	return cmd
}
