//go:build !unix

package officedoc

import "os/exec"

func setProcessGroup(cmd *exec.Cmd) {}
