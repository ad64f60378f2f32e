// Package generate runs the pipeline spec → plan → renderers and returns
// every generated file, sorted by path so output is byte-for-byte stable.
package generate

import (
	"fmt"
	"sort"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/compose"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/terraform"
)

// Options choose what to generate.
type Options struct {
	Lang md.Lang
	// Prices to use; nil means the embedded snapshot.
	Prices *azure.Prices
	// Diagrams is the diagrams' notation: DiagramsMermaid ("" too),
	// DiagramsPlantUML or DiagramsBoth.
	Diagrams string
}

// Spec loads, plans and renders a spec given as bytes.
func Spec(file string, data []byte, opt Options) (*plan.Plan, []render.File, error) {
	doc, err := components.Load(file, data)
	if err != nil {
		return nil, nil, err
	}
	pl, err := components.Plan(doc)
	if err != nil {
		return nil, nil, err
	}
	files, err := Files(pl, opt)
	return pl, files, err
}

// Files analyses a plan and renders every output from the plan and the
// analysis results.
func Files(pl *plan.Plan, opt Options) ([]render.File, error) {
	files, _, err := FilesAndClaims(pl, opt)
	return files, err
}

// FilesAndClaims is Files with the configuration statements the documents
// make, each with the locator of the artifact that realises it (package
// claim), for the claim registry test.
func FilesAndClaims(pl *plan.Plan, opt Options) ([]render.File, []claim.Claim, error) {
	r, err := Run(pl, opt)
	if err != nil {
		return nil, nil, err
	}
	return r.Files, r.Claims, nil
}

// Result is one run of the pipeline: the files and the analyses they
// print, so a reader that shows the figures (physarch serve) shows the
// very numbers the documents carry instead of estimating them again.
type Result struct {
	Files     []render.File
	Claims    []claim.Claim
	Costs     []*cost.Report
	Avail     []*availability.Report
	Decisions []*decision.Report
	Prices    *azure.Prices
}

// Run analyses a plan and renders every output from the plan and the
// analysis results.
func Run(pl *plan.Plan, opt Options) (*Result, error) {
	if opt.Lang == "" {
		opt.Lang = md.Ko
	}
	prices := opt.Prices
	if prices == nil {
		var err error
		if prices, err = azure.Embedded(); err != nil {
			return nil, err
		}
	}
	reports, err := cost.Estimate(pl, prices)
	if err != nil {
		return nil, err
	}
	an := docs.Analysis{Costs: docs.Costs{}, Avail: docs.Avail{}, Decisions: docs.Decisions{}}
	for _, r := range reports {
		an.Costs[r.Env] = r
	}
	avail := availability.Estimate(pl)
	for _, r := range avail {
		an.Avail[r.Env] = r
	}
	// The renderers only read the plan and the analysis, so they run
	// concurrently; their files are sorted by path afterwards, so the
	// output does not depend on which finishes first. claims is written
	// by the documents' renderer only and read after all have finished.
	var claims []claim.Claim
	var decided []*decision.Report
	files, err := render.Concurrently(
		func() ([]render.File, error) {
			// The decisions re-plan the spec once per alternative; only
			// the documents print them, so they are estimated here, while
			// the other renderers run.
			decisions, err := decision.Estimate(pl, prices, reports, avail)
			if err != nil {
				return nil, fmt.Errorf("design decisions: %w", err)
			}
			for _, r := range decisions {
				an.Decisions[r.Env] = r
			}
			decided = decisions
			f, c := docs.RenderClaims(pl, an, opt.Lang)
			claims = c
			return f, nil
		},
		func() ([]render.File, error) { return diagrams(pl, opt.Lang, opt.Diagrams), nil },
		func() ([]render.File, error) {
			f, err := k8s.Render(pl)
			if err != nil {
				return nil, fmt.Errorf("kubernetes manifests: %w", err)
			}
			return f, nil
		},
		func() ([]render.File, error) { return terraform.Render(pl) },
		func() ([]render.File, error) { return compose.Render(pl) },
	)
	if err != nil {
		return nil, err
	}
	if opt.Diagrams == DiagramsPlantUML {
		linkPlantUML(pl, files)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return &Result{Files: files, Claims: claims, Costs: reports, Avail: avail, Decisions: decided, Prices: prices}, nil
}
