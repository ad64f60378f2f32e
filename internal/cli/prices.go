package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/analysis/cost"
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
// cache lacks. Only a region the catalog knows has a cache: no other name
// becomes a file name.
func loadPrices(region string) (*azure.Prices, error) {
	emb, err := azure.Embedded()
	if err != nil {
		return nil, err
	}
	if _, ok := azure.LookupRegion(strings.ToLower(region)); !ok {
		return emb, nil
	}
	items, err := retail.LoadCache(cacheDir(), retail.CacheFile(region))
	if errors.Is(err, fs.ErrNotExist) {
		return emb, nil
	}
	if err != nil {
		return nil, err
	}
	date := emb.Date
	if len(items) > 0 && items[0].Provenance != nil {
		date = items[0].Provenance.Date
	}
	return &azure.Prices{Items: append(items, emb.Items...), Origin: "price cache " + retail.CachePath(cacheDir(), region) + " over the embedded snapshot",
		OriginKo: "내장 가격 스냅샷 위의 가격 캐시 " + retail.CachePath(cacheDir(), region), Date: date}, nil
}

// pricesFor returns the price source for a spec's region.
func pricesFor(src *source) (*azure.Prices, error) {
	doc, err := src.load()
	if err != nil {
		return nil, err
	}
	return loadPrices(doc.Spec.Region)
}

// maxRefreshMiB caps --max-mib: the pages are held in memory until the
// cache is written.
const maxRefreshMiB = 4096

// refreshRegion checks the region a refresh is for against the catalog's
// list before it names a cache file. A wrong --region is a usage error, a
// wrong region in the spec an input error.
func refreshRegion(region string, fromFlag bool) (string, error) {
	r := strings.ToLower(region)
	if _, ok := azure.LookupRegion(r); ok {
		return r, nil
	}
	hint := spec.DidYouMean(r, azure.RegionNames(), "give a programmatic name such as koreacentral ('az account list-locations -o table' lists them)")
	if fromFlag {
		return "", usageError{fmt.Errorf("--region %q is not an Azure region; %s", region, hint)}
	}
	return "", fmt.Errorf("the spec's region %q is not an Azure region; %s", region, hint)
}

func newPrices() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prices",
		Short: "The price catalog: how current it is (status), and refreshing it from the Azure Retail Prices API",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newPricesRefresh(), newPricesStatus())
	return cmd
}

func newPricesRefresh() *cobra.Command {
	var sf specFlags
	var region, endpoint string
	var offline bool
	var deadline time.Duration
	var maxMiB int
	cmd := &cobra.Command{
		Use:   "refresh [SPEC]",
		Short: "Fetch current prices for the spec's region into the local cache",
		Long: `refresh asks the Azure Retail Prices API for every meter the spec's plan is
priced with, in the spec's region: the meters of every cost row of every
environment, the building blocks' included (one request per VM size, one
per other service, each with the region's Global rows and, for a service
billed by zone, the region's billing zone), following NextPageLink,
retrying with backoff, with a
timeout per request and progress on a terminal. The cache file
($PHYSARCH_CACHE or ~/.cache/physarch)/prices-<region>.json is replaced only
when every page arrived; a failed refresh leaves the previous cache intact.
Later runs of build and cost use the cache in preference to the embedded
snapshot.

Bounds: the whole refresh stops after --deadline (default 10m); the pages
together may hold at most --max-mib MiB (default 64), one page at most
16 MiB; NextPageLink is followed only to the endpoint's own scheme and
host; every price must be a finite number of at least 0. A refresh that
hits any of them fails and leaves the cache as it was. The region must be
one the catalog knows (a programmatic name such as koreacentral).

--offline never touches the network: it reports what the cache holds.

` + specArgHelp,
		Example: `  physarch prices refresh
  physarch prices refresh spec.yaml --region koreacentral --deadline 20m
  physarch prices refresh --offline`,
		Args: specArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if deadline <= 0 {
				return usageError{fmt.Errorf("--deadline must be positive, not %s", deadline)}
			}
			if maxMiB <= 0 || maxMiB > maxRefreshMiB {
				return usageError{fmt.Errorf("--max-mib must be between 1 and %d, not %d", maxRefreshMiB, maxMiB)}
			}
			src, err := sf.read(args, false)
			if err != nil {
				return err
			}
			pl, err := loadPlan(src, nil)
			if err != nil {
				return err
			}
			fromFlag := region != ""
			if !fromFlag {
				region = pl.Region
			}
			if region, err = refreshRegion(region, fromFlag); err != nil {
				return err
			}
			dir, name := cacheDir(), retail.CacheFile(region)
			path := retail.CachePath(dir, region)
			w := cmd.OutOrStdout()
			if offline {
				items, err := retail.LoadCache(dir, name)
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
			c := retail.New()
			c.Deadline, c.MaxBytes = deadline, int64(maxMiB)<<20
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
			// The meters come from the plan's cost lines, so a block's
			// meters are fetched as soon as the block prices anything.
			filters := retail.FiltersFor(region, cost.Meters(pl))
			if region == pl.Region {
				// The DR standby's rows are billed in the DR region: the
				// same cache holds them (prices carry their region).
				regions, meters := cost.OtherRegions(pl)
				for _, r := range regions {
					filters = append(filters, retail.FiltersFor(r, meters[r])...)
				}
			}
			n, err := c.Refresh(ctx, filters, dir, name, nowFunc())
			if err != nil {
				return fmt.Errorf("refresh failed, the previous cache (if any) is unchanged: %w%s", err, refreshHint(err))
			}
			fmt.Fprintf(w, "Cached %d price items for %s in %s.\n", n, region, path)
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&region, "region", "", "region to fetch (default: the spec's)")
	cmd.Flags().StringVar(&endpoint, "endpoint", "", "API endpoint (default "+retail.DefaultBaseURL+")")
	cmd.Flags().BoolVar(&offline, "offline", false, "never touch the network; report the cache")
	cmd.Flags().DurationVar(&deadline, "deadline", retail.DefaultDeadline, "stop the whole refresh after this long (on top of the 30s per request)")
	cmd.Flags().IntVar(&maxMiB, "max-mib", retail.DefaultMaxBytes>>20, "stop when the pages add up to more than this many MiB")
	return cmd
}

// refreshHint names the flag that raises the bound a refresh hit.
func refreshHint(err error) string {
	switch {
	case errors.Is(err, retail.ErrDeadline):
		return " (raise it with --deadline)"
	case errors.Is(err, retail.ErrBudget):
		return " (raise it with --max-mib)"
	}
	return ""
}
