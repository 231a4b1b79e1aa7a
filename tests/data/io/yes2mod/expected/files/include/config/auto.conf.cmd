autoconfig := include/config/auto.conf

deps_config := \
	Kconfig \
	extra.kconfig \

$(autoconfig): $(deps_config)
$(deps_config): ;
