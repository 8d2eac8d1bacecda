10.3.3.0/24 dev veth0-host proto kernel scope link src 10.3.3.1 
10.4.4.0/24 via 192.168.30.102 dev eth1 realm 5 
10.5.5.0/24 via 192.168.40.102 dev eth2 realms 3/5 
10.7.7.0/24 via 192.168.40.102 dev eth2 realms 5/cosmos 
192.168.30.0/24 dev eth1 proto kernel scope link src 192.168.30.101 
192.168.40.0/24 dev eth2 proto kernel scope link src 192.168.40.101 
local 10.3.3.1 dev veth0-host table local proto kernel scope host src 10.3.3.1 
broadcast 10.3.3.255 dev veth0-host table local proto kernel scope link src 10.3.3.1 
local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 
local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 dev lo table local proto kernel scope link src 127.0.0.1 
local 192.168.30.101 dev eth1 table local proto kernel scope host src 192.168.30.101 
broadcast 192.168.30.255 dev eth1 table local proto kernel scope link src 192.168.30.101 
local 192.168.40.101 dev eth2 table local proto kernel scope host src 192.168.40.101 
broadcast 192.168.40.255 dev eth2 table local proto kernel scope link src 192.168.40.101 
