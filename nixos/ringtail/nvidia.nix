{ config, ... }:

{
  nixpkgs.config.allowUnfree = true;

  services.xserver.videoDrivers = [ "nvidia" ];
  hardware.graphics.enable = true;
  hardware.nvidia = {
    open = true;
    modesetting.enable = true;
    powerManagement.enable = false;
    package = config.boot.kernelPackages.nvidiaPackages.stable;
  };

  # Lets containerd (inside k3s) hand the GPU to pods that ask for the
  # `nvidia` runtime class.
  hardware.nvidia-container-toolkit.enable = true;
}
