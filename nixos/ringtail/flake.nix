{
  description = "ringtail: the BlumeOps GPU desktop (NixOS + k3s)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    nixos-hardware.url = "github:NixOS/nixos-hardware";
  };

  outputs = { self, nixpkgs, nixos-hardware, ... }:
    let
      system = "x86_64-linux";
    in
    {
      nixosConfigurations.ringtail = nixpkgs.lib.nixosSystem {
        inherit system;
        specialArgs = { blumeopsRevision = self.rev or "dirty"; };
        modules = [
          nixos-hardware.nixosModules.common-cpu-amd
          nixos-hardware.nixosModules.common-pc-ssd
          ./hardware-configuration.nix
          ./configuration.nix
          ./nvidia.nix
          ./k3s.nix
        ];
      };

      formatter.${system} = nixpkgs.legacyPackages.${system}.nixfmt-rfc-style;
    };
}
