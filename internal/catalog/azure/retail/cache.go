package retail

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// CacheFile is the name of a region's cache file inside the cache
// directory.
func CacheFile(region string) string {
	return "prices-" + strings.ToLower(region) + ".json"
}

// CachePath is where a region's prices are cached, for messages.
func CachePath(dir, region string) string {
	return filepath.Join(dir, CacheFile(region))
}

// openCache opens the cache directory as an os.Root, so that no name, ".."
// or symbolic link can make a read or write land outside it.
func openCache(dir, name string, create bool) (*os.Root, error) {
	if name != filepath.Base(name) || !filepath.IsLocal(name) {
		return nil, fmt.Errorf("cache file name %q is not a plain file name", name)
	}
	if create {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("creating cache directory: %w", err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("opening cache directory: %w", err)
	}
	return root, nil
}

// writeCache replaces dir/name with data: written to a temporary file
// inside the directory first, then renamed over the old file, so a reader
// sees either the old cache or the new one, never part of one.
func writeCache(dir, name string, data []byte) (err error) {
	root, err := openCache(dir, name, true)
	if err != nil {
		return err
	}
	defer root.Close()
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := ".prices-" + hex.EncodeToString(rnd[:]) + ".json"
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("writing cache: %w", err)
	}
	defer func() {
		if err != nil {
			root.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing cache: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing cache: %w", err)
	}
	if err := root.Rename(tmp, name); err != nil {
		return fmt.Errorf("replacing cache: %w", err)
	}
	return nil
}

// LoadCache reads the cache file name inside dir, written by Refresh. A
// missing directory or file is fs.ErrNotExist.
func LoadCache(dir, name string) ([]azure.Item, error) {
	root, err := openCache(dir, name, false)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	b, err := root.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var p azure.Page
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("price cache %s is damaged (%v); run 'physarch prices refresh' again", filepath.Join(dir, name), err)
	}
	return p.Items, nil
}
