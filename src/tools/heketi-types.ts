/**
 * Heketi REST responses, the fields we read (heketi/heketi pkg/glusterfs/api/types.go).
 * Sizes are in KiB, as Heketi reports them.
 */

interface HeketiStorage {
  total: number;
  free: number;
  used: number;
}

interface HeketiHostnames {
  manage: string[];
  storage: string[];
}

/** GET /devices/{id} (and each entry of a node's `devices`). */
export interface HeketiDevice {
  id: string;
  name: string;
  /** online, offline or failed */
  state: string;
  storage: HeketiStorage;
  bricks?: { id: string; path: string; size: number; volume: string }[];
}

/** GET /nodes/{id} */
export interface HeketiNode {
  id: string;
  cluster: string;
  zone: number;
  hostnames: HeketiHostnames;
  state: string;
  devices: HeketiDevice[];
}

/** GET /clusters/{id} */
export interface HeketiCluster {
  id: string;
  nodes: string[];
  volumes: string[];
  block?: boolean;
  file?: boolean;
}

/** GET /volumes/{id} */
export interface HeketiVolume {
  id: string;
  name: string;
  /** GiB */
  size: number;
  cluster: string;
  durability?: { type?: string; replicate?: { replica?: number } };
  mount?: { glusterfs?: { hosts?: string[]; device?: string; options?: Record<string, string> } };
}

/** What `heketi-cli topology info --json` prints, composed from the calls above. */
export interface HeketiTopology {
  clusters: {
    id: string;
    nodes: {
      id: string;
      hostnames: HeketiHostnames;
      zone: number;
      state: string;
      devices: { id: string; name: string; state: string; storage: HeketiStorage }[];
    }[];
    volumes: HeketiVolume[];
  }[];
}
