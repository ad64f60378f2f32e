package k8s

import (
	"fmt"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

const initJobName = "postgresql-init"

func (c envContext) initJob() bool {
	return c.e.Postgres != nil && c.e.Postgres.Mode == "pod" && len(c.pl.Databases) > 0
}

// backingObjects run PostgreSQL and Redis as pods on managed disks (dev).
func (c envContext) backingObjects() ([]any, error) {
	var out []any
	for i := range c.e.Backing {
		b := &c.e.Backing[i]
		objs, err := c.statefulSet(b)
		if err != nil {
			return nil, err
		}
		out = append(out, objs...)
	}
	if c.initJob() {
		out = append(out, c.initConfigMap(), c.initJobObject())
	}
	return out, nil
}

func (c envContext) statefulSet(b *plan.Workload) ([]any, error) {
	res, err := requirements(b)
	if err != nil {
		return nil, err
	}
	labels := c.meta(b.Name, nil)
	ctr := corev1.Container{
		Name: b.Name, Image: b.Image, ImagePullPolicy: corev1.PullAlways,
		Ports:           []corev1.ContainerPort{{Name: b.Name, ContainerPort: int32(b.Port), Protocol: corev1.ProtocolTCP}},
		Resources:       res,
		SecurityContext: containerSecurity(),
		VolumeMounts:    []corev1.VolumeMount{{Name: "tmp", MountPath: "/tmp"}},
	}
	volumes := []corev1.Volume{{Name: "tmp", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}}}
	dataDir := "/data"
	switch b.Name {
	case "postgresql":
		dataDir = "/var/lib/postgresql/data"
		ctr.Env = []corev1.EnvVar{
			secretEnv(c.e.Names.SecretProvider, "POSTGRES_PASSWORD", plan.SecretPostgresAdmin),
			{Name: "PGDATA", Value: dataDir + "/pgdata"},
		}
		if p := c.e.Postgres; p != nil {
			ctr.Args = []string{
				"-c", "max_connections=" + strconv.Itoa(p.MaxConnections),
				"-c", fmt.Sprintf("shared_buffers=%dMB", p.SharedBuffersMiB),
				"-c", fmt.Sprintf("effective_cache_size=%dMB", p.EffectiveCacheMiB),
			}
		}
		ctr.VolumeMounts = append(ctr.VolumeMounts, corev1.VolumeMount{Name: "run", MountPath: "/var/run/postgresql"})
		volumes = append(volumes, corev1.Volume{Name: "run", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}})
		// Ready when it accepts connections; alive while it listens.
		ctr.ReadinessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"pg_isready", "-U", "postgres", "-h", "127.0.0.1"}}}, PeriodSeconds: 10, TimeoutSeconds: 5}
		ctr.LivenessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: port(b.Port)}}, PeriodSeconds: 20, FailureThreshold: 6, TimeoutSeconds: 5}
	case "redis":
		ctr.Env = []corev1.EnvVar{secretEnv(c.e.Names.SecretProvider, "REDIS_PASSWORD", plan.SecretRedis)}
		args := []string{"--requirepass", "$(REDIS_PASSWORD)", "--dir", dataDir}
		if r := c.e.Redis; r != nil {
			if r.MaxMemory != "" {
				args = append(args, "--maxmemory", r.MaxMemory)
			}
			if r.Eviction != "" {
				args = append(args, "--maxmemory-policy", r.Eviction)
			}
			switch r.Persistence {
			case "aof":
				args = append(args, "--appendonly", "yes")
			case "rdb":
				args = append(args, "--save", "900 1", "--appendonly", "no")
			default:
				args = append(args, "--save", "", "--appendonly", "no")
			}
		}
		ctr.Args = args
		ping := `redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping | grep -q PONG`
		ctr.ReadinessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"sh", "-c", ping}}}, PeriodSeconds: 10, TimeoutSeconds: 5}
		ctr.LivenessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: port(b.Port)}}, PeriodSeconds: 20, FailureThreshold: 6}
	}
	ss := appsv1.StatefulSet{
		TypeMeta:   typeMeta("apps/v1", "StatefulSet"),
		ObjectMeta: objectMeta(b.Name, c.e.Namespace, labels),
		Spec: appsv1.StatefulSetSpec{
			Replicas:    ptr(int32(b.Min)),
			ServiceName: b.Name,
			Selector:    &metaSelector{MatchLabels: selector(b.Name)},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: objectMeta("", "", labels),
				Spec: corev1.PodSpec{
					AutomountServiceAccountToken: ptr(false),
					SecurityContext:              podSecurity(true),
					Containers:                   []corev1.Container{ctr},
					Volumes:                      volumes,
				},
			},
		},
	}
	c.place(&ss.Spec.Template.Spec, b.Name)
	if b.StorageGB > 0 {
		// A managed-disk StorageClass, never hostPath: the data outlives
		// the node.
		ss.Spec.Template.Spec.Containers[0].VolumeMounts = append(ss.Spec.Template.Spec.Containers[0].VolumeMounts, corev1.VolumeMount{Name: "data", MountPath: dataDir})
		ss.Spec.VolumeClaimTemplates = []corev1.PersistentVolumeClaim{{
			ObjectMeta: objectMeta("data", "", nil),
			Spec: corev1.PersistentVolumeClaimSpec{
				AccessModes:      []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce},
				StorageClassName: ptr(b.StorageClass),
				Resources:        corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceStorage: quantity(strconv.Itoa(b.StorageGB) + "Gi")}},
			},
		}}
	} else {
		ss.Spec.Template.Spec.Containers[0].VolumeMounts = append(ss.Spec.Template.Spec.Containers[0].VolumeMounts, corev1.VolumeMount{Name: "data", MountPath: dataDir})
		ss.Spec.Template.Spec.Volumes = append(ss.Spec.Template.Spec.Volumes, corev1.Volume{Name: "data", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}})
	}
	svc := corev1.Service{
		TypeMeta:   typeMeta("v1", "Service"),
		ObjectMeta: objectMeta(b.Name, c.e.Namespace, labels),
		// Headless: the StatefulSet's governing Service, and the one pod's
		// address is all a client needs.
		Spec: corev1.ServiceSpec{
			ClusterIP: corev1.ClusterIPNone,
			Selector:  selector(b.Name),
			Ports:     []corev1.ServicePort{{Name: b.Name, Port: int32(b.Port), TargetPort: port(b.Port), Protocol: corev1.ProtocolTCP}},
		},
	}
	return []any{svc, ss}, nil
}

// InitScript creates one role and one database per owning service. It is
// shared with the compose file, which mounts the same script.
//
// Names are SQL identifiers, double-quoted (a database may be called
// auth-db), and the passwords SQL literals with their quotes doubled by
// sql_literal; every SQL text sits in one double-quoted sh word, so its
// double quotes are written \" and the password is expanded by sh, once.
func InitScript(pl *plan.Plan) string {
	var b strings.Builder
	b.WriteString("#!/bin/sh\n# Generated by physarch: one database per owning service.\nset -eu\n")
	b.WriteString("# sql_literal VALUE: VALUE as an SQL string literal, quotes doubled.\n")
	b.WriteString("sql_literal() { printf \"'%s'\" \"$(printf '%s' \"$1\" | sed \"s/'/''/g\")\"; }\n")
	b.WriteString("until pg_isready -h \"$PGHOST\" -U postgres; do sleep 2; done\n")
	for _, db := range pl.Databases {
		user := appenv.DBUser(db.Owner)
		pw := appenv.EnvName(db.Owner) + "_DB_PASSWORD"
		fmt.Fprintf(&b, "psql -v ON_ERROR_STOP=1 -U postgres -tc \"SELECT 1 FROM pg_roles WHERE rolname = %[1]s\" | grep -q 1 || psql -v ON_ERROR_STOP=1 -U postgres -c \"CREATE ROLE %[2]s LOGIN PASSWORD $(sql_literal \"$%[3]s\")\"\n",
			shDQ(sqlLiteral(user)), shDQ(sqlIdent(user)), pw)
		fmt.Fprintf(&b, "psql -v ON_ERROR_STOP=1 -U postgres -tc \"SELECT 1 FROM pg_database WHERE datname = %[1]s\" | grep -q 1 || psql -v ON_ERROR_STOP=1 -U postgres -c \"CREATE DATABASE %[2]s OWNER %[3]s\"\n",
			shDQ(sqlLiteral(db.Name)), shDQ(sqlIdent(db.Name)), shDQ(sqlIdent(user)))
	}
	return b.String()
}

// sqlIdent quotes an SQL identifier: in double quotes, with double quotes
// doubled.
func sqlIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// sqlLiteral quotes an SQL string literal: in single quotes, with single
// quotes doubled (standard_conforming_strings, on since PostgreSQL 9.1).
func sqlLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// shDQ escapes text for the inside of a double-quoted sh word, where ",
// \, $ and ` keep a meaning.
func shDQ(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\', '"', '$', '`':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (c envContext) initConfigMap() corev1.ConfigMap {
	return corev1.ConfigMap{
		TypeMeta:   typeMeta("v1", "ConfigMap"),
		ObjectMeta: objectMeta(initJobName, c.e.Namespace, c.meta(initJobName, nil)),
		Data:       map[string]string{"init.sh": InitScript(c.pl)},
	}
}

func (c envContext) initJobObject() batchv1.Job {
	env := []corev1.EnvVar{
		{Name: "PGHOST", Value: "postgresql"},
		secretEnv(c.e.Names.SecretProvider, "PGPASSWORD", plan.SecretPostgresAdmin),
	}
	for _, db := range c.pl.Databases {
		env = append(env, secretEnv(c.e.Names.SecretProvider, appenv.EnvName(db.Owner)+"_DB_PASSWORD", plan.DBPasswordSecret(db.Owner)))
	}
	image := "postgres:" + c.pl.PGVersion
	labels := c.meta(initJobName, nil)
	job := batchv1.Job{
		TypeMeta:   typeMeta("batch/v1", "Job"),
		ObjectMeta: objectMeta(initJobName, c.e.Namespace, labels),
		Spec: batchv1.JobSpec{
			BackoffLimit:            ptr(int32(10)),
			TTLSecondsAfterFinished: ptr(int32(3600)),
			Template: corev1.PodTemplateSpec{
				ObjectMeta: objectMeta("", "", labels),
				Spec: corev1.PodSpec{
					RestartPolicy:                corev1.RestartPolicyOnFailure,
					AutomountServiceAccountToken: ptr(false),
					SecurityContext:              podSecurity(false),
					Containers: []corev1.Container{{
						Name: "init", Image: image, ImagePullPolicy: corev1.PullAlways,
						Command: []string{"/bin/sh", "/scripts/init.sh"},
						Env:     env,
						Resources: corev1.ResourceRequirements{
							Requests: corev1.ResourceList{corev1.ResourceCPU: quantity("50m"), corev1.ResourceMemory: quantity("64Mi"), corev1.ResourceEphemeralStorage: quantity("64Mi")},
							Limits:   corev1.ResourceList{corev1.ResourceCPU: quantity("200m"), corev1.ResourceMemory: quantity("128Mi"), corev1.ResourceEphemeralStorage: quantity("128Mi")},
						},
						SecurityContext: containerSecurity(),
						VolumeMounts:    []corev1.VolumeMount{{Name: "scripts", MountPath: "/scripts", ReadOnly: true}},
					}},
					Volumes: []corev1.Volume{{Name: "scripts", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
						LocalObjectReference: corev1.LocalObjectReference{Name: initJobName},
					}}}},
				},
			},
		},
	}
	c.place(&job.Spec.Template.Spec, initJobName)
	return job
}
