//go:build unix

package officedoc

import (
	"os/exec"
	"syscall"
)

// setProcessGroup makes soffice the leader of its own process group and
// kills the whole group on cancel: soffice forks soffice.bin, which would
// otherwise outlive the timeout.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if cmd.Process == nil {
			return nil
		}
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
