{ config, pkgs, blumeopsRevision, ... }:

{
  system.stateVersion = "24.11";
  system.configurationRevision = blumeopsRevision;

  nix.settings = {
    experimental-features = [ "nix-command" "flakes" ];
    trusted-users = [ "root" "eblume" ];
    auto-optimise-store = true;
  };
  nix.gc = {
    automatic = true;
    dates = "weekly";
    options = "--delete-older-than 30d";
  };

  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;

  networking.hostName = "ringtail";
  networking.networkmanager.enable = true;
  time.timeZone = "America/Los_Angeles";

  users.users.eblume = {
    isNormalUser = true;
    extraGroups = [ "wheel" "networkmanager" "video" ];
    openssh.authorizedKeys.keys = [
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq7c1m2T0s9gXb4yJkZfVd3pL8wNr6eQa5uC0tB1xYz eblume@gilbert"
    ];
  };
  security.sudo.wheelNeedsPassword = false;

  # Reached only over the tailnet: nothing listens on the LAN but SSH.
  services.tailscale = {
    enable = true;
    useRoutingFeatures = "client";
  };
  networking.firewall = {
    enable = true;
    trustedInterfaces = [ "tailscale0" ];
    allowedUDPPorts = [ config.services.tailscale.port ];
  };
  services.openssh = {
    enable = true;
    settings.PasswordAuthentication = false;
    settings.PermitRootLogin = "no";
  };

  # Scraped by Prometheus on indri over the tailnet.
  services.prometheus.exporters.node = {
    enable = true;
    port = 9100;
    enabledCollectors = [ "systemd" "hwmon" ];
  };

  # Nightly backup of home and the k3s state to sifaka.
  services.borgmatic = {
    enable = true;
    settings = {
      source_directories = [ "/home/eblume" "/var/lib/rancher/k3s/server" ];
      exclude_patterns = [ "/home/eblume/.cache" "/home/eblume/models" ];
      repositories = [{
        path = "ssh://borg@sifaka.tail8d86e.ts.net/volume1/backups/borg/ringtail";
        label = "sifaka";
      }];
      encryption_passcommand = "cat /root/.config/borg/passphrase";
      ssh_command = "ssh -i /root/.ssh/borgmatic_ed25519 -o BatchMode=yes";
      keep_daily = 7;
      keep_weekly = 4;
      keep_monthly = 6;
    };
  };

  environment.systemPackages = with pkgs; [
    git
    htop
    kubectl
    nvtopPackages.nvidia
    python3
    vim
  ];
}
