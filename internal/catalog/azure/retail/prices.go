package retail

import (
	"fmt"
	"math"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// checkPrices refuses a page holding a price that is not a finite number
// of at least zero: a cached price feeds every cost figure physarch
// prints, and one negative meter would quietly lower a total.
func checkPrices(items []azure.Item) error {
	for _, it := range items {
		bad := func(field string, v float64) error {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return fmt.Errorf("meter %q (%s, sku %q, meterId %q) has %s %v: a price must be a finite number of at least 0", it.MeterName, it.ServiceName, it.SkuName, it.MeterID, field, v)
			}
			return nil
		}
		if err := bad("retailPrice", it.RetailPrice); err != nil {
			return err
		}
		if err := bad("unitPrice", it.UnitPrice); err != nil {
			return err
		}
		for _, sp := range it.SavingsPlan {
			if err := bad("savingsPlan "+sp.Term+" retailPrice", sp.RetailPrice); err != nil {
				return err
			}
			if err := bad("savingsPlan "+sp.Term+" unitPrice", sp.UnitPrice); err != nil {
				return err
			}
		}
	}
	return nil
}
