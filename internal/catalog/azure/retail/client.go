// Package retail is a client for the Azure Retail Prices API: OData
// filters, paging through NextPageLink, retries with backoff, timeouts,
// bounds on time and bytes, and a cache file that is replaced only when a
// refresh fully succeeds.
package retail

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// DefaultBaseURL is the public endpoint; the preview API version adds
// savingsPlan to consumption rows.
const DefaultBaseURL = "https://prices.azure.com/api/retail/prices"

const apiVersion = "2023-01-01-preview"

// Bounds a client applies when its fields leave them zero. A real refresh
// of one region reads a few MB in pages of about 100 KB; the bounds are
// far above that and far below what exhausts memory.
const (
	DefaultDeadline     = 10 * time.Minute
	DefaultMaxBytes     = 64 << 20
	DefaultMaxPageBytes = 16 << 20
)

// Errors a refresh stops with when it hits one of its bounds.
var (
	ErrBudget   = errors.New("download budget exceeded")
	ErrPageSize = errors.New("page too large")
	ErrDeadline = errors.New("overall deadline exceeded")
)

// Client fetches price items.
type Client struct {
	BaseURL  string
	HTTP     *http.Client  // its Timeout bounds each request
	Retries  int           // further attempts per page after the first
	Backoff  time.Duration // first retry delay; doubles each time
	Progress io.Writer     // nil: silent
	MaxPages int           // guard against a server that never ends

	// Deadline bounds a whole Refresh, on top of the per-request timeout
	// (a server that answers every request in time can still never end).
	Deadline time.Duration
	// MaxBytes bounds the bodies of all pages of one Refresh (or Fetch)
	// together, MaxPageBytes one page's: the items are held in memory
	// until the cache is written.
	MaxBytes, MaxPageBytes int64
}

// New returns a client with sensible defaults.
func New() *Client {
	return &Client{BaseURL: DefaultBaseURL, HTTP: &http.Client{Timeout: 30 * time.Second}, Retries: 3, Backoff: 500 * time.Millisecond, MaxPages: 500,
		Deadline: DefaultDeadline, MaxBytes: DefaultMaxBytes, MaxPageBytes: DefaultMaxPageBytes}
}

// budget is what is left of MaxBytes across the pages of one run.
type budget struct{ left, max int64 }

func (c *Client) newBudget() *budget {
	max := c.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	return &budget{left: max, max: max}
}

func (c *Client) pageLimit() int64 {
	if c.MaxPageBytes <= 0 {
		return DefaultMaxPageBytes
	}
	return c.MaxPageBytes
}

// Fetch returns every item matching the OData filter, following
// NextPageLink until it is null.
func (c *Client) Fetch(ctx context.Context, filter string) ([]azure.Item, error) {
	return c.fetch(ctx, filter, c.newBudget())
}

func (c *Client) fetch(ctx context.Context, filter string, b *budget) ([]azure.Item, error) {
	base, err := url.Parse(c.BaseURL)
	if err != nil || base.Host == "" {
		return nil, fmt.Errorf("endpoint %q is not an absolute URL", c.BaseURL)
	}
	q := url.Values{}
	q.Set("api-version", apiVersion)
	q.Set("$filter", filter)
	next := c.BaseURL + "?" + q.Encode()
	var items []azure.Item
	for page := 1; next != ""; page++ {
		if c.MaxPages > 0 && page > c.MaxPages {
			return nil, fmt.Errorf("more than %d pages for %q", c.MaxPages, filter)
		}
		p, err := c.page(ctx, next, b)
		if err == nil {
			err = checkPrices(p.Items)
		}
		if err != nil {
			return nil, fmt.Errorf("page %d of %q: %w", page, filter, err)
		}
		items = append(items, p.Items...)
		if c.Progress != nil {
			fmt.Fprintf(c.Progress, "\r  %-60.60s page %d, %d items", filter, page, len(items))
		}
		next = ""
		if p.NextPageLink != nil && *p.NextPageLink != "" {
			if err := sameOrigin(base, *p.NextPageLink); err != nil {
				return nil, fmt.Errorf("page %d of %q: %w", page, filter, err)
			}
			next = *p.NextPageLink
		}
	}
	if c.Progress != nil {
		fmt.Fprintln(c.Progress)
	}
	return items, nil
}

// sameOrigin refuses a NextPageLink that leaves the endpoint: a page must
// not send the client (and what it reads into the cache) to another host.
func sameOrigin(base *url.URL, link string) error {
	u, err := url.Parse(link)
	if err != nil {
		return fmt.Errorf("NextPageLink %.200q is not a URL: %w", link, err)
	}
	if !strings.EqualFold(u.Scheme, base.Scheme) || !strings.EqualFold(u.Host, base.Host) {
		return fmt.Errorf("NextPageLink leads to host %q (%s), not to the endpoint's %q (%s); refusing to follow it", u.Host, u.Scheme, base.Host, base.Scheme)
	}
	return nil
}

// retryable errors are worth another attempt.
type retryable struct{ error }

func (c *Client) page(ctx context.Context, u string, b *budget) (*azure.Page, error) {
	delay := c.Backoff
	var last error
	for attempt := 0; attempt <= c.Retries; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return nil, context.Cause(ctx)
			case <-time.After(delay):
			}
			delay *= 2
		}
		p, err := c.get(ctx, u, b)
		if err == nil {
			return p, nil
		}
		last = err
		var r retryable
		if !errors.As(err, &r) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("giving up after %d attempts: %w", c.Retries+1, last)
}

func (c *Client) get(ctx context.Context, u string, b *budget) (*azure.Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		return nil, retryable{err} // network errors and timeouts
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return nil, retryable{fmt.Errorf("HTTP %d", resp.StatusCode)}
	}
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, msg)
	}
	body, err := readBounded(resp, c.pageLimit(), b)
	if err != nil {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		return nil, err
	}
	var p azure.Page
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("not a price page: %w", err)
	}
	return &p, nil
}

// readBounded reads a page's body, never more than the page limit or what
// is left of the budget (plus one byte, to tell a full read from a cut
// one); an accepted page is charged to the budget.
func readBounded(resp *http.Response, pageLimit int64, b *budget) ([]byte, error) {
	limit, tooLarge := pageLimit, fmt.Errorf("%w: a page is larger than the %s page limit", ErrPageSize, size(pageLimit))
	if b.left < limit {
		limit, tooLarge = b.left, fmt.Errorf("%w: the pages add up to more than the %s budget", ErrBudget, size(b.max))
	}
	if resp.ContentLength > limit {
		return nil, tooLarge
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, retryable{err}
	}
	if int64(len(body)) > limit {
		return nil, tooLarge
	}
	b.left -= int64(len(body))
	return body, nil
}

// size writes a byte count for a message.
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d-byte", n)
}

// Filters returns the OData filters that fetch what the catalog needs in a
// region: the VM sizes asked for, and every other priced service. Global
// meters (Load Balancer, Front Door) are asked for too. Primary meter
// regions are never filtered on: the eastus D2s_v3 row is not primary.
func Filters(region string, vmSizes []string) []string {
	sort.Strings(vmSizes)
	var out []string
	for _, vm := range vmSizes {
		out = append(out, fmt.Sprintf("serviceName eq 'Virtual Machines' and armRegionName eq '%s' and armSkuName eq '%s' and priceType eq 'Consumption'", region, vm))
	}
	for _, svc := range []string{"Azure Kubernetes Service", "Azure Database for PostgreSQL", "Redis Cache", "Service Bus", "Application Gateway", "Key Vault", "Log Analytics", "Storage", "Virtual Network", "Container Registry", "Azure Cosmos DB"} {
		out = append(out, fmt.Sprintf("serviceName eq '%s' and armRegionName eq '%s' and priceType eq 'Consumption'", svc, region))
	}
	for _, svc := range []string{"Load Balancer", "Azure Front Door Service"} {
		out = append(out, fmt.Sprintf("serviceName eq '%s' and (armRegionName eq '%s' or armRegionName eq 'Global') and priceType eq 'Consumption'", svc, region))
	}
	return out
}

// Refresh fetches every filter, within the deadline and the byte budget,
// and writes the cache file name inside dir; on any failure the previous
// cache file is left exactly as it was.
func (c *Client) Refresh(ctx context.Context, filters []string, dir, name string, now time.Time) (int, error) {
	d := c.Deadline
	if d <= 0 {
		d = DefaultDeadline
	}
	ctx, cancel := context.WithTimeoutCause(ctx, d, fmt.Errorf("%w: the refresh took longer than %s", ErrDeadline, d))
	defer cancel()
	b := c.newBudget()
	var all []azure.Item
	for _, f := range filters {
		items, err := c.fetch(ctx, f, b)
		if err != nil {
			return 0, err
		}
		all = append(all, items...)
	}
	prov := &azure.Provenance{Source: "Azure Retail Prices API (" + c.BaseURL + ")", Date: now.UTC().Format("2006-01-02")}
	for i := range all {
		all[i].Provenance = prov
	}
	page := azure.Page{BillingCurrency: "USD", Items: all, Count: len(all)}
	data, err := json.MarshalIndent(page, "", " ")
	if err != nil {
		return 0, fmt.Errorf("encoding the cache: %w", err)
	}
	if err := writeCache(dir, name, append(data, '\n')); err != nil {
		return 0, err
	}
	return len(all), nil
}
