// Package retail is a client for the Azure Retail Prices API: OData
// filters, paging through NextPageLink, retries with backoff, timeouts,
// and a cache file that is replaced only when a refresh fully succeeds.
package retail

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// DefaultBaseURL is the public endpoint; the preview API version adds
// savingsPlan to consumption rows.
const DefaultBaseURL = "https://prices.azure.com/api/retail/prices"

const apiVersion = "2023-01-01-preview"

// Client fetches price items.
type Client struct {
	BaseURL  string
	HTTP     *http.Client  // its Timeout bounds each request
	Retries  int           // further attempts per page after the first
	Backoff  time.Duration // first retry delay; doubles each time
	Progress io.Writer     // nil: silent
	MaxPages int           // guard against a server that never ends
}

// New returns a client with sensible defaults.
func New() *Client {
	return &Client{BaseURL: DefaultBaseURL, HTTP: &http.Client{Timeout: 30 * time.Second}, Retries: 3, Backoff: 500 * time.Millisecond, MaxPages: 500}
}

// Fetch returns every item matching the OData filter, following
// NextPageLink until it is null.
func (c *Client) Fetch(ctx context.Context, filter string) ([]azure.Item, error) {
	q := url.Values{}
	q.Set("api-version", apiVersion)
	q.Set("$filter", filter)
	next := c.BaseURL + "?" + q.Encode()
	var items []azure.Item
	for page := 1; next != ""; page++ {
		if c.MaxPages > 0 && page > c.MaxPages {
			return nil, fmt.Errorf("more than %d pages for %q", c.MaxPages, filter)
		}
		p, err := c.page(ctx, next)
		if err != nil {
			return nil, fmt.Errorf("page %d of %q: %w", page, filter, err)
		}
		items = append(items, p.Items...)
		if c.Progress != nil {
			fmt.Fprintf(c.Progress, "\r  %-60.60s page %d, %d items", filter, page, len(items))
		}
		next = ""
		if p.NextPageLink != nil {
			next = *p.NextPageLink
		}
	}
	if c.Progress != nil {
		fmt.Fprintln(c.Progress)
	}
	return items, nil
}

// retryable errors are worth another attempt.
type retryable struct{ error }

func (c *Client) page(ctx context.Context, u string) (*azure.Page, error) {
	delay := c.Backoff
	var last error
	for attempt := 0; attempt <= c.Retries; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(delay):
			}
			delay *= 2
		}
		p, err := c.get(ctx, u)
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

func (c *Client) get(ctx context.Context, u string) (*azure.Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, retryable{err} // network errors and timeouts
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, retryable{err}
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return nil, retryable{fmt.Errorf("HTTP %d", resp.StatusCode)}
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, body)
	}
	var p azure.Page
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("not a price page: %w", err)
	}
	return &p, nil
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
	for _, svc := range []string{"Azure Kubernetes Service", "Azure Database for PostgreSQL", "Redis Cache", "Service Bus", "Application Gateway", "Key Vault", "Log Analytics", "Storage", "Virtual Network", "Container Registry"} {
		out = append(out, fmt.Sprintf("serviceName eq '%s' and armRegionName eq '%s' and priceType eq 'Consumption'", svc, region))
	}
	for _, svc := range []string{"Load Balancer", "Azure Front Door Service"} {
		out = append(out, fmt.Sprintf("serviceName eq '%s' and (armRegionName eq '%s' or armRegionName eq 'Global') and priceType eq 'Consumption'", svc, region))
	}
	return out
}

// Refresh fetches every filter and writes the cache file; on any failure the
// previous cache file is left exactly as it was.
func (c *Client) Refresh(ctx context.Context, filters []string, cachePath string, now time.Time) (int, error) {
	var all []azure.Item
	for _, f := range filters {
		items, err := c.Fetch(ctx, f)
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
	b, err := json.MarshalIndent(page, "", " ")
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(filepath.Dir(cachePath), 0o755); err != nil {
		return 0, fmt.Errorf("creating cache directory: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(cachePath), ".prices-*.json")
	if err != nil {
		return 0, fmt.Errorf("writing cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("writing cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("writing cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), cachePath); err != nil {
		return 0, fmt.Errorf("replacing cache: %w", err)
	}
	return len(all), nil
}

// LoadCache reads a cache file written by Refresh.
func LoadCache(path string) ([]azure.Item, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p azure.Page
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("price cache %s is damaged (%v); run 'physarch prices refresh' again", path, err)
	}
	return p.Items, nil
}

// CachePath is where a region's prices are cached.
func CachePath(dir, region string) string {
	return filepath.Join(dir, "prices-"+strings.ToLower(region)+".json")
}
