package agc

import (
	"fmt"
	"path"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/terraform"
)

// InstallCommand is the ALB controller's installation: nothing generated
// runs it (the chart is Microsoft's), so the documents print it as a
// manual step, to run before the overlay is applied (the chart brings
// the Gateway API's CRDs the overlay's objects need).
func InstallCommand(e *plan.Env) string {
	return fmt.Sprintf("helm install alb-controller %s --version %s --namespace %s --create-namespace --set albController.namespace=%s --set albController.podIdentity.clientID=$(terraform -chdir=%s output -raw %s)",
		ControllerChart, ControllerVersion, ControllerNamespace, ControllerNamespace, path.Join(terraform.Dir, e.Name), outputClientID)
}

// SecretCommand creates the listener's certificate Secret from the
// operator's certificate for the public host name.
func (x *Component) SecretCommand(e *plan.Env) string {
	return fmt.Sprintf("kubectl -n %s create secret tls %s --cert=<certificate.pem> --key=<private-key.pem>", e.Namespace, x.TLSSecret)
}

// Summary implements docs.Summarised: the controller's name.
func (*Component) Summary(_ *md.Doc, _ *plan.Env, key string) (string, bool) {
	if key == docs.SummaryIngress {
		return "Application Gateway for Containers (ALB Controller, Gateway API)", true
	}
	return "", false
}

// SummaryAt implements docs.SummaryLocated: the traffic controller and
// the Gateway of its class.
func (x *Component) SummaryAt(_ *plan.Env, key string) []claim.Locator {
	if key != docs.SummaryIngress {
		return nil
	}
	return []claim.Locator{claim.TF(tfLB, ""), claim.K8s("Gateway", x.Gateway, "spec.gatewayClassName").Is(GatewayClass)}
}

// Deployment implements docs.Deployed: the ALB controller, installed by
// hand before the overlay, and the certificate Secret the listener reads.
func (x *Component) Deployment(d *md.Doc, e *plan.Env) [][]string {
	install := InstallCommand(e)
	rows := [][]string{docs.Cells(d, "agc.controller", []string{"ALB Controller",
		fmt.Sprintf(d.T("수동, `kubectl apply` 전에 (Gateway API CRD 포함): `%s`", "manual, before `kubectl apply` (brings the Gateway API CRDs): `%s`"), install)},
		claim.Manually(install), claim.TF(tfCredential, "subject").Is(Subject()))}
	if x.TLS {
		sc := x.SecretCommand(e)
		rows = append(rows, docs.Cells(d, "agc.certificate", []string{d.T("리스너 인증서", "Listener certificate"),
			fmt.Sprintf(d.T("수동, 공개 CA에서 받은 %s 인증서: `%s`", "manual, your certificate for %s from a public CA: `%s`"), x.hostValue(), sc)},
			claim.Manually(sc), claim.K8s("Gateway", x.Gateway, "spec.listeners.tls.certificateRefs.name").Is(x.TLSSecret)))
	}
	return rows
}

// hostValue is the public host name as the documents print it.
func (x *Component) hostValue() string {
	if x.Domain != "" {
		return x.Domain
	}
	return "public_host_name"
}

// Routing implements docs.Routed: the traffic controller (4.2.1) with its
// frontend, subnet, listener and the routes of the HTTPRoutes, each line
// what the Terraform and the Gateway API objects realise.
func (x *Component) Routing(d *md.Doc, e *plan.Env, s *docs.Sections) {
	_, behind := front(e)
	s.Next(d.T("Application Gateway for Containers 구성", "Application Gateway for Containers"))
	sub := "azurerm_subnet." + x.Subnet.Role
	rows := [][2]string{
		docs.Row(d, "agc.frontend", d.T("프런트엔드", "Frontend"), fmt.Sprintf(d.T("%s (공용 FQDN, Azure가 영역에 분산)", "%s (public FQDN; Azure spreads it over the zones)"), x.Frontend),
			claim.TF(tfFrontend, "name").Is(x.Frontend), claim.K8s("Gateway", x.Gateway, "spec.addresses.value").Is(x.Frontend)),
		docs.Row(d, "agc.subnet", d.T("연결 서브넷", "Association subnet"), fmt.Sprintf(d.T("%s %s (%s 위임)", "%s %s (delegated to %s)"), x.Subnet.Name, x.Subnet.CIDR, Delegation),
			claim.TF(sub, "address_prefixes").Is(x.Subnet.CIDR), claim.TF(sub, "delegation.service_delegation.name").Is(Delegation), claim.TF(tfAssociation, "subnet_id")),
		docs.Row(d, "agc.gateway-class", "GatewayClass", GatewayClass, claim.K8s("Gateway", x.Gateway, "spec.gatewayClassName").Is(GatewayClass)),
		docs.Row(d, "agc.controller-identity", d.T("ALB Controller ID", "ALB Controller identity"),
			fmt.Sprintf(d.T("%s (페더레이션 자격 증명 %s, 역할: AppGw for Containers Configuration Manager, Network Contributor, 노드 리소스 그룹 Reader)", "%s (federated credential %s; roles AppGw for Containers Configuration Manager, Network Contributor, Reader on the node resource group)"), x.Identity, Subject()),
			claim.TF(tfCredential, "subject").Is(Subject()), claim.TF("azurerm_role_assignment.alb_controller_configuration", "role_definition_name").Is("AppGw for Containers Configuration Manager")),
	}
	if x.TLS {
		rows = append(rows, docs.Row(d, "agc.listener", d.T("리스너", "Listener"), fmt.Sprintf(d.T("HTTPS 443, 인증서 Secret %s (TLS 1.2 이상, Azure 고정)", "HTTPS 443, certificate Secret %s (TLS 1.2 minimum, fixed by Azure)"), x.TLSSecret),
			claim.K8s("Gateway", x.Gateway, "spec.listeners.protocol").Is("HTTPS"), claim.K8s("Gateway", x.Gateway, "spec.listeners.tls.certificateRefs.name").Is(x.TLSSecret)))
	} else {
		rows = append(rows, docs.Row(d, "agc.listener", d.T("리스너", "Listener"), d.T("HTTP 80 (TLS 없음: ingress.endToEndTLS: false)", "HTTP 80 (no TLS: ingress.endToEndTLS: false)"),
			claim.K8s("Gateway", x.Gateway, "spec.listeners.protocol").Is("HTTP")))
	}
	if behind {
		rows = append(rows, docs.Row(d, "agc.admitted-from", d.T("허용 출처", "Admitted from"),
			fmt.Sprintf(d.T("이 Front Door 프로필만 (모든 HTTPRoute 규칙이 %s = 프로필 resource_guid를 요구)", "this Front Door profile only (every HTTPRoute rule requires %s = the profile's resource_guid)"), fdidHeader),
			claim.K8s("HTTPRoute", "*", "spec.rules.matches.headers.name").Is(fdidHeader)))
	}
	rows = append(rows, docs.Row(d, "agc.backends", d.T("백엔드", "Backend"), d.T("AKS 서비스 (ALB Controller가 Pod IP로 직접 구성)", "AKS services (the ALB controller targets pod IPs)"),
		claim.K8s("HTTPRoute", "*", "spec.rules.backendRefs.name")))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
	var routes [][]string
	for _, f := range e.FlowsOfKind("ingress") {
		routes = append(routes, []string{f.Route, f.To, strconv.Itoa(f.Port), e.NamespaceOf(f.To)})
	}
	for _, f := range e.FlowsOfKind("ingress") {
		if f.To == x.ProbeService {
			routes = append(routes, []string{x.ProbePath + d.T(" (정확히 일치, 상태 프로브)", " (exact, health probe)"), f.To, strconv.Itoa(f.Port), e.NamespaceOf(f.To)})
			break
		}
	}
	d.Table([]string{d.T("경로", "Path"), d.T("백엔드 서비스", "Backend service"), d.T("포트", "Port"), d.T("HTTPRoute 네임스페이스", "HTTPRoute namespace")}, routes)
	d.P(fmt.Sprintf(d.T("Gateway와 HTTPRoute는 오버레이의 %s에 있습니다. Gateway의 alb-id 주석은 fill-outputs.sh가 Terraform 출력 %s로 채웁니다.",
		"The Gateway and the HTTPRoutes are in the overlay's %s; fill-outputs.sh fills the Gateway's alb-id annotation from the Terraform output %s."), OverlayFile, outputID))
}

// SecurityLayers implements docs.Layered: the traffic controller's layer.
func (x *Component) SecurityLayers(d *md.Doc, e *plan.Env) []docs.Layer {
	tech := "Application Gateway for Containers"
	if _, behind := front(e); behind {
		tech += " (" + fdidHeader + ")"
	}
	if x.TLS {
		tech += ", TLS 1.2+"
	}
	return []docs.Layer{{N: 2, Name: d.T("게이트웨이", "Gateway"), Technology: tech, Applies: d.T("외부 → 내부 트래픽", "external → internal traffic")}}
}

// Failover implements docs.FailingOver.
func (*Component) Failover(d *md.Doc, _ *plan.Env) [][]string {
	return [][]string{{"Application Gateway for Containers", d.T("Azure가 영역에 분산한 구성 요소", "components Azure spreads over the zones")}}
}
