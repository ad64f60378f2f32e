// The shapes /api/state and /api/whatif return (internal/serve/model.go).
export interface Text { Ko: string; En: string }
export interface SpecError { file?: string; line?: number; column?: number; message: string; hint?: string }
export interface CostRow {
  name: string; category: string; sku: string; quantity: number; quantity_max: number; unit: string;
  monthly_min_usd: number; monthly_max_usd: number; priced_region: string; price_basis: string; estimate?: string;
}
export interface CostReport {
  environment: string; requested_region: string; components: CostRow[]; total_min_usd: number; total_max_usd: number;
  budget_usd: number; over_budget: boolean; prices_origin: string; prices_date: string;
}
export interface AvailComponent { name: string; configuration: string; sla_percent: number; no_sla: boolean; source: string; note?: string }
export interface Route { route: string; service: string; components: string[]; composite_percent: number; downtime_minutes_per_month: number; upper_bound: boolean }
export interface Link { name: string; sla_percent: number; downtime_minutes_per_month: number; composite_if_perfect_percent: number }
export interface AvailReport {
  environment: string; target_percent: number; components: AvailComponent[]; routes: Route[]; composite_percent: number;
  downtime_minutes_per_month: number; upper_bound: boolean; no_sla: string[] | null; meets_target: boolean; short_by_points?: number; weakest: Link[] | null;
}
export interface Figures { CostMin: number; CostMax: number; Availability: number; UpperBound: boolean; NodesMin: number; NodesMax: number }
export interface Alternative extends Figures { choice: Text; note: Text; delta_min_usd: number; delta_max_usd: number; refused?: string }
export interface Decision { id: string; topic: Text; choice: Text; reason: Text; alternatives: Alternative[] | null }
export interface Workload { name: string; kind: string; namespace: string; pool: string; cpu_request: string; memory_request: string; peak_rps: number; replicas_needed: number; replicas_min: number; replicas_max: number; backing?: boolean }
export interface Pool { name: string; mode: string; vm_size: string; vcpu: number; memory_gib: number; nodes_min: number; nodes_max: number; zones: number[] | null; spot: boolean }
export interface Subnet { name: string; role: string; cidr: string; required: number; usable: number }
export interface Capacity { workloads: Workload[] | null; pools: Pool[] | null; vnet: string; subnets: Subnet[] | null; nodes_min: number; nodes_max: number }
export interface Diagram { kind: 'physical' | 'network'; path: string; source: string }
export interface Env {
  name: string; profile: string; title: Text; zones: number[] | null; peak_rps: number; users: number; diagrams: Diagram[] | null;
  cost: CostReport; cost_names_ko: Record<string, string>; availability: AvailReport; availability_names_ko: Record<string, string>;
  capacity: Capacity; figures?: Figures; decisions: Decision[] | null;
}
export interface Finding { rule: string; severity: string; title: string; message: string; fix: string; environment?: string; file: string; line: number; column: number; suppressed?: string }
export interface AuditQuote { file: string; line: number; text: string }
export interface AuditFinding { id: string; severity: string; title: string; message: string; fix: string; environment?: string; quotes: AuditQuote[] | null }
export interface Model {
  name: string; title: Text; region: string; lang: 'ko' | 'en'; spec_file: string; spec: string; spec_sha256: string; complete: boolean; build_ms: number; environments: Env[];
  findings: Finding[] | null; audit?: { files: string[] | null; findings: AuditFinding[] | null; error?: string };
  documents: { path: string; title: string }[] | null; prices: { origin: string; date: string };
}
export interface State { version: number; good_version: number; errors: SpecError[]; spec_now: string; model: Model | null }
export interface WhatIf { environment: string; users: number; before: Figures; after: Figures; refused?: string; replicas_before: [number, number]; replicas_after: [number, number] }
