import { ProfileTask } from '../pipeline/parts';

/** The tasks of a run, handed out in task order to whichever thread asks next. */
export class TaskQueue {
  private next = 0;

  constructor(private readonly tasks: ProfileTask[]) {}

  /** The next task nobody has taken, or undefined when all are taken. */
  take(): ProfileTask | undefined {
    return this.next < this.tasks.length ? this.tasks[this.next++] : undefined;
  }

  get isEmpty(): boolean {
    return this.next >= this.tasks.length;
  }
}
