autoconfig := include/config/auto.conf

deps_config := \
	Kconfig \
	sub/Kconfig.sub \

$(autoconfig): $(deps_config)
$(deps_config): ;
