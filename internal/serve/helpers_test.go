package serve

import "github.com/physarch/physarch/internal/catalog/azure"

func testPrices(string) (*azure.Prices, error) { return azure.Embedded() }
