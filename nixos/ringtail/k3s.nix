{ pkgs, ... }:

{
  # Single-node k3s. Argo CD on indri deploys to it as the `k3s-ringtail`
  # destination; Ansible's k3s role labels the node and exports the
  # kubeconfig.
  services.k3s = {
    enable = true;
    role = "server";
    extraFlags = toString [
      "--tls-san=ringtail.tail8d86e.ts.net"
      "--node-ip=100.88.201.14"
      "--flannel-iface=tailscale0"
      "--disable=servicelb"
      "--write-kubeconfig-mode=0600"
      "--default-local-storage-path=/var/lib/rancher/k3s/storage"
    ];
  };

  # k3s finds the NVIDIA runtime on PATH and registers the `nvidia`
  # RuntimeClass itself.
  systemd.services.k3s.path = [ pkgs.nvidia-container-toolkit pkgs.libnvidia-container ];

  environment.systemPackages = [ pkgs.k3s ];
}
