2001:db8:30::/64 dev eth1 proto kernel metric 256 pref medium
2001:db8:40::/64 dev eth2 proto kernel metric 256 pref medium
2001:db8:99::/64  encap mpls  300 via 2001:db8:30::102 dev eth1 metric 1024 pref medium
fe80::/64 dev eth1p proto kernel metric 256 pref medium
fe80::/64 dev eth1 proto kernel metric 256 pref medium
fe80::/64 dev eth2p proto kernel metric 256 pref medium
fe80::/64 dev eth2 proto kernel metric 256 pref medium
fe80::/64 dev veth0 proto kernel metric 256 pref medium
fe80::/64 dev veth0-host proto kernel metric 256 pref medium
local ::1 dev lo table local proto kernel metric 0 pref medium
local 2001:db8:30::101 dev eth1 table local proto kernel metric 0 pref medium
local 2001:db8:40::101 dev eth2 table local proto kernel metric 0 pref medium
local fe80::ff:fe00:11 dev eth1 table local proto kernel metric 0 pref medium
local fe80::ff:fe00:12 dev eth2 table local proto kernel metric 0 pref medium
local fe80::ff:fe00:13 dev veth0-host table local proto kernel metric 0 pref medium
local fe80::ff:fe00:21 dev eth1p table local proto kernel metric 0 pref medium
local fe80::ff:fe00:22 dev eth2p table local proto kernel metric 0 pref medium
local fe80::ff:fe00:23 dev veth0 table local proto kernel metric 0 pref medium
multicast ff00::/8 dev eth1p table local proto kernel metric 256 pref medium
multicast ff00::/8 dev eth1 table local proto kernel metric 256 pref medium
multicast ff00::/8 dev eth2p table local proto kernel metric 256 pref medium
multicast ff00::/8 dev eth2 table local proto kernel metric 256 pref medium
multicast ff00::/8 dev veth0 table local proto kernel metric 256 pref medium
multicast ff00::/8 dev veth0-host table local proto kernel metric 256 pref medium
