autoconfig := include/config/auto.conf

deps_config := \
	Kconfig \
	sub/Kconfig \

$(autoconfig): $(deps_config)
$(deps_config): ;
