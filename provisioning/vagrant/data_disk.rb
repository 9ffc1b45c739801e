# frozen_string_literal: true

# gluster-lab: each GlusterFS node's data disk, attached by VirtualBox just before the VM boots.
#
# Why on the box's own controller: bento boxes built before the ICH9 chipset (chef/bento,
# February 2025) have a PIIX3 chipset, which allows a single SATA controller, so adding one
# fails with "Too many storage controllers of this type"; bento boxes since late 2025 boot
# from a VirtIO-SCSI controller. Vagrant's own disk feature knows VirtIO-SCSI only from
# 2.4.4 on [GH-13587] and is experimental. So the disk goes into a free slot of the
# controller the box boots from, whatever it is called, adding a port when it has none free.
#
# Why before every boot, not when the Vagrantfile is read: a VM has an id only after the box
# is imported, and a VM that is re-created (destroyed outside Vagrant, or `vagrant destroy`
# then `vagrant up`) must get its disk again. A disk already attached is left alone, so a
# second `vagrant up` or a `vagrant reload` sends nothing to VirtualBox.
#
# `plan` is plain Ruby (test/real-tools/assets.test.ts runs it on recorded `showvminfo`
# output); the Vagrant part at the bottom only runs its commands.

require 'fileutils'

module GlusterLab
  module DataDisk
    # IDE controllers have a master and a slave per port; SATA, SCSI and VirtIO-SCSI one.
    TWO_DEVICES_PER_PORT = %w[PIIX3 PIIX4 ICH6].freeze
    Controller = Struct.new(:name, :type, :ports, :max_ports, :slots, keyword_init: true)

    module_function

    # `VBoxManage showvminfo --machinereadable` as a Hash: key="value", key=value, or
    # "quoted key"="value" (the storage slots, e.g. "SATA Controller-0-0").
    def parse_vm_info(text)
      text.each_line.with_object({}) do |line, info|
        match = line.strip.match(/\A("(?<qkey>[^"]*)"|(?<key>[^=]+))=(?:"(?<qvalue>.*)"|(?<value>.*))\z/)
        next unless match

        info[match[:qkey] || match[:key]] = match[:qvalue] || match[:value]
      end
    end

    # The storage controllers in VirtualBox's order, each slot [port, device] => medium.
    def controllers(info)
      info.keys.grep(/\Astoragecontrollername(\d+)\z/).map { |key| key[/\d+\z/].to_i }.sort.map do |n|
        name = info["storagecontrollername#{n}"]
        slots = info.each_with_object({}) do |(key, value), found|
          next unless key.start_with?("#{name}-")

          slot = key.delete_prefix("#{name}-").match(/\A(\d+)-(\d+)\z/)
          found[[slot[1].to_i, slot[2].to_i]] = value if slot
        end
        Controller.new(name: name, type: info["storagecontrollertype#{n}"], ports: info["storagecontrollerportcount#{n}"].to_i,
                       max_ports: info["storagecontrollermaxportcount#{n}"].to_i, slots: slots)
      end
    end

    # A hard disk image, not an empty slot, an empty DVD drive or an ISO.
    def hard_disk?(medium)
      !medium.nil? && !%w[none emptydrive].include?(medium) && !medium.downcase.end_with?('.iso')
    end

    def same_file?(one, other)
      norm = ->(path) { Gem.win_platform? ? path.tr('\\', '/').downcase : path }
      norm.call(one) == norm.call(other)
    end

    # The controller the box boots from: the first holding a hard disk at port 0, device 0,
    # else the first holding any hard disk.
    def boot_controller(all)
      all.find { |c| hard_disk?(c.slots[[0, 0]]) } || all.find { |c| c.slots.values.any? { |m| hard_disk?(m) } }
    end

    # The first free [port, device] of a controller within its port count, or nil.
    def free_slot(controller)
      devices = TWO_DEVICES_PER_PORT.include?(controller.type) ? 2 : 1
      (0...controller.ports).to_a.product((0...devices).to_a).find do |slot|
        [nil, 'none'].include?(controller.slots[slot])
      end
    end

    # The VBoxManage commands that give VM `id` its data disk `path` (`size_mb` MB if it must be
    # created; VirtualBox's MB are MiB): none when it is attached already. Raises with a
    # sentence when the VM has no controller the disk can go on.
    def plan(info, id:, path:, size_mb:, disk_exists:)
      all = controllers(info)
      return [] if all.any? { |c| c.slots.values.any? { |medium| same_file?(medium, path) } }

      create = disk_exists ? [] : [['createmedium', 'disk', '--filename', path, '--format', 'VDI', '--size', size_mb.to_s]]
      controller = boot_controller(all)
      raise no_controller_message(all) unless controller

      slot = free_slot(controller)
      grow = []
      if slot.nil?
        raise no_controller_message(all) if controller.ports >= controller.max_ports

        slot = [controller.ports, 0]
        grow = [['storagectl', id, '--name', controller.name, '--portcount', (controller.ports + 1).to_s]]
      end
      attach = ['storageattach', id, '--storagectl', controller.name, '--port', slot[0].to_s, '--device', slot[1].to_s,
                '--type', 'hdd', '--medium', path]
      create + grow + [attach]
    end

    def no_controller_message(all)
      seen = all.map { |c| "#{c.name} (#{c.type}, #{c.ports}/#{c.max_ports} ports)" }.join(', ')
      "gluster-lab: no free slot for the data disk on the controller this box boots from (#{seen}). " \
        'Use another box version, or attach the disk by hand and set data_disk.device in gluster-lab.yaml. / ' \
        "gluster-lab: このボックスの起動ディスクのコントローラーにデータディスクを付ける空きがありません (#{seen})。" \
        '別のボックスのバージョンを使うか、手でディスクを付けて gluster-lab.yaml の data_disk.device を設定してください。'
    end

    # Machine name => { path:, size_mb: }, filled by the Vagrantfile for the GlusterFS nodes.
    def disks
      @disks ||= {}
    end
  end

  # The middleware Vagrant runs right before VirtualBox's Boot action (see the plugin below).
  class AttachDataDisk
    def initialize(app, _env)
      @app = app
    end

    def call(env)
      machine = env[:machine]
      disk = DataDisk.disks[machine.name.to_s]
      attach(machine, disk, env[:ui]) if disk && machine.provider_name.to_s == 'virtualbox' && machine.id
      @app.call(env)
    end

    private

    def attach(machine, disk, ui)
      driver = machine.provider.driver
      info = DataDisk.parse_vm_info(driver.execute_command(['showvminfo', machine.id, '--machinereadable']))
      commands = DataDisk.plan(info, id: machine.id, path: disk[:path], size_mb: disk[:size_mb], disk_exists: File.exist?(disk[:path]))
      return if commands.empty?

      ui.info("gluster-lab: attaching the data disk #{disk[:path]}")
      FileUtils.mkdir_p(File.dirname(disk[:path]))
      commands.each { |command| driver.execute_command(command) }
    end
  end

  if defined?(Vagrant) && !const_defined?(:DataDiskPlugin)
    # A Vagrantfile-local plugin: its hook puts AttachDataDisk before every VirtualBox Boot
    # (up of a new or stopped VM, reload, resume after halt).
    class DataDiskPlugin < Vagrant.plugin('2')
      name 'gluster-lab data disk'
      action_hook(:gluster_lab_data_disk, 'VagrantPlugins::ProviderVirtualBox::Action::Boot') do |hook|
        hook.prepend(AttachDataDisk)
      end
    end
  end
end
